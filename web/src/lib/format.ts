const timeZone = 'Asia/Ho_Chi_Minh';

const dateFormat = new Intl.DateTimeFormat('vi-VN', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone,
});
const dateTimeFormat = new Intl.DateTimeFormat('vi-VN', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone,
});
const numberFormat = new Intl.NumberFormat('vi-VN');
const numberFormat1 = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const percentFormat = new Intl.NumberFormat('vi-VN', {
  style: 'percent',
  minimumFractionDigits: 0,
  maximumFractionDigits: 2,
});

const isoDateOnly = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date (`YYYY-MM-DD`) or an instant, as dd/MM/yyyy in Vietnam time. A calendar date is read at noon
 * UTC so that it stays the same day in Asia/Ho_Chi_Minh (UTC+7).
 */
const toDate = (value: string | Date): Date => {
  if (value instanceof Date) return value;
  const m = isoDateOnly.exec(value);
  if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  return new Date(value);
};

export const formatDate = (value: string | Date | null | undefined): string =>
  value == null || value === '' ? '' : dateFormat.format(toDate(value));

/** An instant as `HH:mm dd/MM/yyyy` in Vietnam time. */
export const formatDateTime = (value: string | Date | null | undefined): string =>
  value == null || value === '' ? '' : dateTimeFormat.format(toDate(value));

const timeFormat = new Intl.DateTimeFormat('vi-VN', {
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone,
});

/** An instant as `dd/MM/yyyy HH:mm` in Vietnam time (the date first, as on a receipt's due line). */
export const formatDateThenTime = (value: string | Date | null | undefined): string =>
  value == null || value === ''
    ? ''
    : `${dateFormat.format(toDate(value))} ${timeFormat.format(toDate(value))}`;

/** 2975 → "2.975". */
export const formatNumber = (value: number): string => numberFormat.format(value);

/** A ratio 0..1 as a percentage: 0.9611 → "96,11%". */
export const formatPercent = (ratio: number): string => percentFormat.format(ratio);

/** File sizes the way people read them: "850 B", "12,5 KB", "3,2 MB". */
export const formatBytes = (bytes: number): string =>
  bytes < 1024
    ? `${formatNumber(bytes)} B`
    : bytes < 1024 * 1024
      ? `${numberFormat1.format(bytes / 1024)} KB`
      : `${numberFormat1.format(bytes / (1024 * 1024))} MB`;

import { TextInput, type TextInputProps } from '@mantine/core';
import { parseVietnameseDate } from '../lib/dates.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

type TypedDateFieldProps = Omit<TextInputProps, 'value' | 'onChange'> & {
  /** `YYYY-MM-DD` once the text is a real day; `''` when empty; otherwise the text as typed (not yet a date). */
  value: string;
  onChange: (value: string) => void;
};

/** Whether a TypedDateField's value is a complete date (or empty), i.e. nothing half-typed. */
export const isDateOrEmpty = (value: string): boolean => value === '' || ISO.test(value);

/**
 * A date typed as dd/MM/yyyy, without a calendar to pick from: for dates people know by heart (a date of birth),
 * where typing is quicker than paging back through decades — and on a phone, a numeric keypad and no date
 * library to download (components/date-field.tsx has the calendar, for the back office).
 */
export function TypedDateField({ value, onChange, ...props }: TypedDateFieldProps) {
  const iso = ISO.exec(value);
  const shown = iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : value;
  return (
    <TextInput
      placeholder="dd/mm/yyyy"
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      {...props}
      value={shown}
      onChange={(e) => {
        const text = e.currentTarget.value;
        onChange(text.trim() === '' ? '' : (parseVietnameseDate(text) ?? text));
      }}
    />
  );
}

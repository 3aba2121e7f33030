import '@mantine/dates/styles.css';
import 'dayjs/locale/vi';
import { DateInput, type DateInputProps, DatesProvider } from '@mantine/dates';
import { parseVietnameseDate } from '../lib/dates.ts';

type DateFieldProps = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  /** `YYYY-MM-DD`, or `''` when empty. */
  value: string;
  onChange: (value: string) => void;
};

/**
 * A date shown and typed as dd/MM/yyyy, with a Vietnamese calendar (Monday first) to pick from; the value stays
 * ISO (`YYYY-MM-DD`, `''` when empty) as the API takes it. The date library (dayjs, Mantine's dates) loads with
 * the first page that shows a date field, not on every page.
 */
export function DateField({ value, onChange, ...props }: DateFieldProps) {
  return (
    <DatesProvider settings={{ locale: 'vi', firstDayOfWeek: 1 }}>
      <DateInput
        placeholder="dd/mm/yyyy"
        inputMode="numeric"
        {...props}
        value={value === '' ? null : value}
        onChange={(next) => onChange(next ?? '')}
        valueFormat="DD/MM/YYYY"
        dateParser={parseVietnameseDate}
      />
    </DatesProvider>
  );
}

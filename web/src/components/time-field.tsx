import { TextInput, type TextInputProps } from '@mantine/core';

type TimeFieldProps = Omit<TextInputProps, 'value' | 'onChange' | 'type'> & {
  /** `HH:mm` on the 24-hour clock (`''` when empty). */
  value: string;
  onChange: (value: string) => void;
};

const digits = (s: string, max: number) => s.replace(/\D/g, '').slice(0, max);

/** What is typed, kept to `H`, `HH`, `HH:m` or `HH:mm`: the colon comes by itself after two digits. */
export const maskClockTime = (text: string): string => {
  const colon = text.indexOf(':');
  if (colon >= 0) return `${digits(text.slice(0, colon), 2)}:${digits(text.slice(colon + 1), 2)}`;
  const d = digits(text, 4);
  return d.length > 2 ? `${d.slice(0, 2)}:${d.slice(2)}` : d;
};

/** `7:30` → `07:30` once the field is left. */
const padHours = (value: string): string => (/^\d:\d{2}$/.test(value) ? `0${value}` : value);

/**
 * A 24-hour `HH:mm` time. Not `<input type="time">`: browsers show that with AM/PM after the device's settings,
 * while Vietnamese offices read 07:30 and 17:00.
 */
export function TimeField({ value, onChange, onBlur, ...props }: TimeFieldProps) {
  return (
    <TextInput
      placeholder="hh:mm"
      inputMode="numeric"
      autoComplete="off"
      maxLength={5}
      {...props}
      value={value}
      onChange={(e) => onChange(maskClockTime(e.currentTarget.value))}
      onBlur={(e) => {
        const padded = padHours(value);
        if (padded !== value) onChange(padded);
        onBlur?.(e);
      }}
    />
  );
}

import { Group, Input, NativeSelect, NumberInput } from '@mantine/core';
import { describeLimit, type TimeLimit } from '../../../../domain/catalogue/index.ts';
import {
  type LimitKind,
  limitAmountOf,
  limitKindLabel,
  limitKindOf,
  makeLimit,
} from '../../../../domain/catalogue/labels.ts';
import { numberOr } from './list-edit.ts';

const kinds = Object.entries(limitKindLabel).map(([value, label]) => ({ value, label }));

interface LimitInputProps {
  label: string;
  description?: string;
  value: TimeLimit;
  onChange: (value: TimeLimit) => void;
  error?: string | undefined;
  disabled?: boolean;
}

/** A time limit: how it is counted (working days, working hours, same day, calendar days) and how many. */
export function LimitInput({ label, description, value, onChange, error, disabled }: LimitInputProps) {
  const kind = limitKindOf(value);
  const amount = limitAmountOf(value);
  return (
    <Input.Wrapper label={label} description={description ?? describeLimit(value)} error={error}>
      <Group gap="xs" mt={4} wrap="nowrap" align="flex-start">
        <NativeSelect
          aria-label={`${label}: cách tính`}
          data={kinds}
          value={kind}
          disabled={disabled}
          onChange={(e) => {
            const next = e.currentTarget.value as LimitKind;
            onChange(makeLimit(next, next === 'workingHours' ? amount * 8 || 4 : amount || 1));
          }}
          w={220}
        />
        {kind !== 'sameDay' && (
          <NumberInput
            aria-label={`${label}: ${limitKindLabel[kind].toLowerCase()}`}
            value={amount}
            min={kind === 'workingDays' ? 0 : kind === 'calendarDays' ? 1 : 0.5}
            max={kind === 'workingDays' ? 400 : kind === 'calendarDays' ? 1000 : 3200}
            step={kind === 'workingHours' ? 0.5 : 1}
            allowDecimal={kind === 'workingHours'}
            decimalSeparator=","
            allowNegative={false}
            disabled={disabled}
            onChange={(v) => onChange(makeLimit(kind, numberOr(v, 0)))}
            w={110}
            error={error ? true : undefined}
          />
        )}
      </Group>
    </Input.Wrapper>
  );
}

import { Checkbox, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { lazy, type ReactNode, Suspense } from 'react';
import type { FormField } from '../../../domain/catalogue/index.ts';

const DateField = lazy(async () => ({ default: (await import('./date-field.tsx')).DateField }));

export type AddressField = Extract<FormField, { type: 'address' }>;
export type FileField = Extract<FormField, { type: 'file' }>;

export interface FieldProps<F extends FormField = FormField> {
  field: F;
  value: unknown;
  onChange: (value: unknown) => void;
  error?: string | undefined;
}

export interface OnlineFormFieldProps extends FieldProps {
  /** Input height: the portal uses `md` for thumbs, the admin preview the default. */
  size?: 'sm' | 'md';
  /**
   * Address and file fields need what this renderer does not have (the organisation tree for the pickers, the
   * uploads): the caller draws them — the real pickers on the portal, stand-ins in the admin preview.
   */
  renderAddress: (props: FieldProps<AddressField>) => ReactNode;
  renderFile: (props: FieldProps<FileField>) => ReactNode;
}

/** Label, help, required mark and message of a field, as every input of the online form shows them. */
export const fieldFrame = (f: FormField, error?: string) => ({
  label: f.label || '(chưa có nhãn)',
  description: f.help,
  withAsterisk: f.required,
  error,
});

/**
 * One field of a procedure version's online form (tờ khai điện tử), drawn from its definition: the same
 * renderer serves the citizen portal and the catalogue editor's preview, so what the editor sees is what the
 * applicant gets. Phone first: native selects open the system's picker, numbers are typed on the numeric keyboard,
 * several choices are check boxes; only a date field brings its picker (loaded when first shown).
 */
export function OnlineFormField(props: OnlineFormFieldProps) {
  const { field: f, value, onChange, size } = props;
  const common = { ...fieldFrame(f, props.error), size };
  const text = typeof value === 'string' ? value : '';
  switch (f.type) {
    case 'text':
      return f.multiline ? (
        <Textarea
          {...common}
          autosize
          minRows={2}
          maxLength={f.maxLength}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      ) : (
        <TextInput
          {...common}
          maxLength={f.maxLength}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'number':
      // Typed as text ("12,5"): the submission schema reads a decimal comma; no number-format library to load.
      return (
        <TextInput
          {...common}
          inputMode={f.integer ? 'numeric' : 'decimal'}
          autoComplete="off"
          value={typeof value === 'number' ? String(value).replace('.', ',') : text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'date':
      // dd/MM/yyyy typed or picked (a browser's own date input follows the device's language, often mm/dd).
      // The picker and its date library load with the first form that has a date.
      return (
        <Suspense fallback={<TextInput {...common} placeholder="dd/mm/yyyy" disabled />}>
          <DateField {...common} value={text} onChange={onChange} />
        </Suspense>
      );
    case 'select': {
      const data = f.options.map((o) => ({ value: o.value, label: o.label }));
      // Several choices as check boxes: every option in sight, each a large target.
      return f.multiple ? (
        <Checkbox.Group
          {...common}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={onChange}
        >
          <Stack gap="xs" mt={6}>
            {data.map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} size={size} />
            ))}
          </Stack>
        </Checkbox.Group>
      ) : (
        <NativeSelect
          {...common}
          data={[{ value: '', label: 'Chọn' }, ...data]}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    }
    case 'citizenId':
      return (
        <TextInput
          {...common}
          inputMode="numeric"
          autoComplete="off"
          maxLength={15}
          placeholder="12 chữ số"
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'phone':
      return (
        <TextInput
          {...common}
          type="tel"
          inputMode="tel"
          autoComplete="tel-national"
          placeholder="0912345678"
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'email':
      return (
        <TextInput
          {...common}
          type="email"
          autoComplete="email"
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'address':
      return props.renderAddress({ field: f, value, onChange, error: props.error });
    case 'file':
      return props.renderFile({ field: f, value, onChange, error: props.error });
    default: {
      const never: never = f;
      throw new Error(`Kiểu trường không hỗ trợ: ${JSON.stringify(never)}`);
    }
  }
}

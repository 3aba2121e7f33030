import { Stack, Text } from '@mantine/core';
import type { ProcedureVersion } from '../../../../../domain/catalogue/index.ts';
import { OnlineFormField } from '../../../components/online-form-field.tsx';
import { AddressFields, type Places } from '../address-fields.tsx';
import { type AddressDraft, type Draft, emptyAddress, ownFields, type Problems } from './draft.ts';

interface FormStepProps {
  version: ProcedureVersion;
  draft: Draft;
  update: (change: (d: Draft) => Draft) => void;
  problems: Problems;
  places: Places;
}

const asAddress = (value: unknown): AddressDraft =>
  value && typeof value === 'object'
    ? { ...emptyAddress(), ...(value as Partial<AddressDraft>) }
    : emptyAddress();

/**
 * The version's online form, drawn by the renderer the catalogue editor previews with. The applicant's own
 * fields were filled in the first step and the uploads come next: only the rest is asked here.
 */
export function FormStep({ version, draft, update, problems, places }: FormStepProps) {
  const fields = ownFields(version);
  const set = (key: string, value: unknown) => update((d) => ({ ...d, form: { ...d.form, [key]: value } }));
  if (fields.length === 0) {
    return <Text>Tờ khai của thủ tục này chỉ gồm thông tin người nộp đã khai ở bước trước.</Text>;
  }
  return (
    <Stack gap="md">
      {fields.map((f) => (
        <div key={f.key} id={`form.${f.key}`}>
          <OnlineFormField
            field={f}
            size="md"
            value={draft.form[f.key]}
            error={problems[`form.${f.key}`]}
            onChange={(v) => set(f.key, v)}
            renderAddress={({ field, value, onChange, error }) => (
              <AddressFields
                legend={field.label}
                value={asAddress(value)}
                onChange={onChange}
                errors={{ street: error }}
                places={places}
                codesRequired={field.required}
                idPrefix={`form.${field.key}`}
              />
            )}
            // File fields are uploaded in the documents step.
            renderFile={() => null}
          />
        </div>
      ))}
    </Stack>
  );
}

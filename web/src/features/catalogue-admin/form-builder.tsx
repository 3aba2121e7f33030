import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import {
  type FormField,
  FormFieldType,
  type RequiredDocument,
  type SelectOption,
} from '../../../../domain/catalogue/index.ts';
import { fieldTypeLabel } from '../../../../domain/catalogue/labels.ts';
import type { FieldErrors } from '../../lib/form.ts';
import { freshKey, move, numberOr, optional, removeAt, replaceAt } from './list-edit.ts';
import { RowActions } from './row-actions.tsx';

const typeOptions = FormFieldType.options.map((t) => ({ value: t, label: fieldTypeLabel[t] }));

/** The same field as another type: what all fields share is kept, the type's own settings start afresh. */
export const retype = (f: FormField, type: FormFieldType): FormField => {
  const base = { key: f.key, label: f.label, required: f.required, help: f.help };
  switch (type) {
    case 'text':
      return { ...base, type, maxLength: 500, multiline: false };
    case 'number':
      return { ...base, type, integer: false };
    case 'date':
      return { ...base, type, notFuture: false };
    case 'select':
      return { ...base, type, options: [{ value: 'option1', label: 'Lựa chọn 1' }], multiple: false };
    case 'file':
      return { ...base, type, accept: ['pdf', 'jpg', 'png'], maxFiles: 5 };
    case 'citizenId':
    case 'phone':
    case 'email':
    case 'address':
      return { ...base, type };
    default: {
      const never: never = type;
      throw new Error(`Kiểu trường không hỗ trợ: ${String(never)}`);
    }
  }
};

function OptionsEditor(props: {
  options: SelectOption[];
  onChange: (o: SelectOption[]) => void;
  name: string;
}) {
  const { options, onChange } = props;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Các lựa chọn
      </Text>
      {options.map((o, j) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: an option's value is being typed; its position is its identity.
        <Group key={j} gap="xs" wrap="nowrap" align="flex-end">
          <TextInput
            aria-label={`${props.name}: lựa chọn ${j + 1}`}
            placeholder="Nội dung hiển thị"
            value={o.label}
            onChange={(e) => onChange(replaceAt(options, j, { ...o, label: e.currentTarget.value }))}
            style={{ flex: 1 }}
          />
          <TextInput
            aria-label={`${props.name}: giá trị lựa chọn ${j + 1}`}
            placeholder="Giá trị lưu"
            value={o.value}
            onChange={(e) => onChange(replaceAt(options, j, { ...o, value: e.currentTarget.value }))}
            w={130}
          />
          <Button
            variant="subtle"
            color="red"
            size="xs"
            disabled={options.length === 1}
            onClick={() => onChange(removeAt(options, j))}
          >
            Bỏ
          </Button>
        </Group>
      ))}
      <Group>
        <Button
          variant="subtle"
          size="xs"
          onClick={() =>
            onChange([
              ...options,
              {
                value: freshKey(
                  'option',
                  options.map((o) => o.value),
                ),
                label: `Lựa chọn ${options.length + 1}`,
              },
            ])
          }
        >
          Thêm lựa chọn
        </Button>
      </Group>
    </Stack>
  );
}

/** The settings only some types have: length, range, options, accepted files. */
function TypeSettings(props: {
  field: FormField;
  onChange: (f: FormField) => void;
  documents: RequiredDocument[];
}) {
  const { field: f, onChange } = props;
  switch (f.type) {
    case 'text':
      return (
        <Group gap="md" align="flex-end">
          <NumberInput
            label="Số ký tự tối đa"
            value={f.maxLength}
            min={1}
            max={5000}
            allowDecimal={false}
            w={150}
            onChange={(v) => onChange({ ...f, maxLength: numberOr(v, 500) })}
          />
          <Checkbox
            label="Nhiều dòng"
            checked={f.multiline}
            onChange={(e) => onChange({ ...f, multiline: e.currentTarget.checked })}
            mb={8}
          />
        </Group>
      );
    case 'number':
      return (
        <Group gap="md" align="flex-end">
          <NumberInput
            label="Nhỏ nhất"
            value={f.min ?? ''}
            w={120}
            onChange={(v) => onChange({ ...f, min: v === '' ? undefined : numberOr(v, 0) })}
          />
          <NumberInput
            label="Lớn nhất"
            value={f.max ?? ''}
            w={120}
            onChange={(v) => onChange({ ...f, max: v === '' ? undefined : numberOr(v, 0) })}
          />
          <Checkbox
            label="Số nguyên"
            checked={f.integer}
            onChange={(e) => onChange({ ...f, integer: e.currentTarget.checked })}
            mb={8}
          />
        </Group>
      );
    case 'date':
      return (
        <Checkbox
          label="Không được sau ngày nộp hồ sơ (ngày sinh, ngày mất…)"
          checked={f.notFuture}
          onChange={(e) => onChange({ ...f, notFuture: e.currentTarget.checked })}
        />
      );
    case 'select':
      return (
        <Stack gap="xs">
          <OptionsEditor
            name={f.label}
            options={f.options}
            onChange={(options) => onChange({ ...f, options })}
          />
          <Checkbox
            label="Cho chọn nhiều"
            checked={f.multiple}
            onChange={(e) => onChange({ ...f, multiple: e.currentTarget.checked })}
          />
        </Stack>
      );
    case 'file':
      return (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <TagsInput
            label="Đuôi tệp chấp nhận"
            value={f.accept}
            onChange={(accept) =>
              onChange({ ...f, accept: accept.map((a) => a.toLowerCase().replace(/^\./, '')) })
            }
          />
          <NumberInput
            label="Số tệp tối đa"
            value={f.maxFiles}
            min={1}
            max={20}
            allowDecimal={false}
            onChange={(v) => onChange({ ...f, maxFiles: numberOr(v, 5) })}
          />
          <NativeSelect
            label="Ứng với thành phần hồ sơ"
            value={f.requiredDocumentKey ?? ''}
            data={[
              { value: '', label: '— Không —' },
              ...props.documents.map((d) => ({ value: d.key, label: d.name })),
            ]}
            onChange={(e) => onChange({ ...f, requiredDocumentKey: optional(e.currentTarget.value) })}
          />
        </SimpleGrid>
      );
    case 'citizenId':
    case 'phone':
    case 'email':
    case 'address':
      return null;
    default: {
      const never: never = f;
      throw new Error(`Kiểu trường không hỗ trợ: ${JSON.stringify(never)}`);
    }
  }
}

interface FormBuilderProps {
  fields: FormField[];
  onChange: (fields: FormField[]) => void;
  documents: RequiredDocument[];
  errors: FieldErrors;
  readOnly: boolean;
}

/** The fields of the online form, in order; each change shows at once in the preview. */
export function FormBuilder({ fields, onChange, documents, errors, readOnly }: FormBuilderProps) {
  const update = (i: number, f: FormField) => onChange(replaceAt(fields, i, f));
  const add = () =>
    onChange([
      ...fields,
      {
        key: freshKey(
          'field',
          fields.map((f) => f.key),
        ),
        label: '',
        type: 'text',
        required: true,
        maxLength: 500,
        multiline: false,
      },
    ]);
  return (
    <Stack gap="sm">
      {fields.map((f, i) => {
        const at = `onlineForm.fields.${i}`;
        return (
          <Fieldset key={f.key} legend={`Trường ${i + 1}`} p="sm" disabled={readOnly}>
            <Stack gap="xs">
              <Group gap="xs" align="flex-start" wrap="wrap">
                <TextInput
                  label="Nhãn"
                  value={f.label}
                  error={errors[`${at}.label`]}
                  onChange={(e) => update(i, { ...f, label: e.currentTarget.value })}
                  style={{ flex: '1 1 240px' }}
                />
                <NativeSelect
                  label="Kiểu"
                  data={typeOptions}
                  value={f.type}
                  onChange={(e) => update(i, retype(f, FormFieldType.parse(e.currentTarget.value)))}
                  w={210}
                />
              </Group>
              <TextInput
                label="Hướng dẫn nhập"
                value={f.help ?? ''}
                error={errors[`${at}.help`]}
                onChange={(e) => update(i, { ...f, help: optional(e.currentTarget.value) })}
              />
              <TypeSettings field={f} documents={documents} onChange={(next) => update(i, next)} />
              {Object.entries(errors)
                .filter(
                  ([p]) => p.startsWith(`${at}.`) && !['label', 'help'].includes(p.slice(at.length + 1)),
                )
                .map(([p, m]) => (
                  <Text key={p} c="red" size="sm">
                    {m}
                  </Text>
                ))}
              <Group justify="space-between">
                <Group gap="md">
                  <Checkbox
                    label="Bắt buộc"
                    checked={f.required}
                    onChange={(e) => update(i, { ...f, required: e.currentTarget.checked })}
                  />
                  <Text size="xs" c="dimmed">
                    Mã: {f.key}
                  </Text>
                </Group>
                <RowActions
                  name={`trường ${i + 1}`}
                  index={i}
                  count={fields.length}
                  disabled={readOnly}
                  onMove={(d) => onChange(move(fields, i, d))}
                  onRemove={() => onChange(removeAt(fields, i))}
                />
              </Group>
            </Stack>
          </Fieldset>
        );
      })}
      {!readOnly && (
        <Group>
          <Button variant="light" size="xs" onClick={add}>
            Thêm trường
          </Button>
        </Group>
      )}
    </Stack>
  );
}

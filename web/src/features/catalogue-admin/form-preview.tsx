import {
  Alert,
  Button,
  FileInput,
  Group,
  Input,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { buildSubmissionSchema, type FormField } from '../../../../domain/catalogue/index.ts';
import { DateField } from '../../components/date-field.tsx';
import { todayInVietnam } from '../calendar/dates.ts';

type Values = Record<string, unknown>;

/** One field as the applicant will see it on the portal. */
function PreviewField(props: {
  field: FormField;
  value: unknown;
  onChange: (v: unknown) => void;
  error?: string;
}) {
  const { field: f, value, onChange } = props;
  const common = {
    label: f.label || '(chưa có nhãn)',
    description: f.help,
    withAsterisk: f.required,
    error: props.error,
  };
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
      return (
        <NumberInput
          {...common}
          min={f.min}
          max={f.max}
          allowDecimal={!f.integer}
          decimalSeparator=","
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(v === '' ? undefined : v)}
        />
      );
    case 'date':
      return <DateField {...common} value={text} onChange={onChange} />;
    case 'select': {
      const data = f.options.map((o) => ({ value: o.value, label: o.label }));
      return f.multiple ? (
        <MultiSelect
          {...common}
          data={data}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={onChange}
        />
      ) : (
        <Select
          {...common}
          data={data}
          value={text || null}
          onChange={(v) => onChange(v ?? '')}
          placeholder="Chọn"
        />
      );
    }
    case 'citizenId':
      return (
        <TextInput
          {...common}
          inputMode="numeric"
          maxLength={12}
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
          placeholder="0912345678"
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'email':
      return (
        <TextInput {...common} type="email" value={text} onChange={(e) => onChange(e.currentTarget.value)} />
      );
    case 'address':
      return (
        <Stack gap={4}>
          <Input.Label required={f.required}>{common.label}</Input.Label>
          {f.help && <Input.Description>{f.help}</Input.Description>}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <NativeSelect
              aria-label={`${common.label}: tỉnh, thành phố`}
              data={['Tỉnh, thành phố']}
              disabled
            />
            <NativeSelect
              aria-label={`${common.label}: xã, phường, đặc khu`}
              data={['Xã, phường']}
              disabled
            />
          </SimpleGrid>
          <TextInput
            aria-label={`${common.label}: số nhà, đường`}
            placeholder="Số nhà, đường, thôn, tổ dân phố"
          />
          <Text size="xs" c="dimmed">
            Khi nộp thật, tỉnh và xã được chọn từ danh mục đơn vị hành chính.
          </Text>
        </Stack>
      );
    case 'file':
      return (
        <FileInput
          {...common}
          multiple
          clearable
          placeholder={
            f.accept.length
              ? `Tệp ${f.accept.join(', ')}; tối đa ${f.maxFiles} tệp`
              : `Tối đa ${f.maxFiles} tệp`
          }
          accept={f.accept.map((a) => `.${a}`).join(',')}
          onChange={(files) => onChange(files.map((file) => ({ fileId: 'xem-thu', name: file.name })))}
        />
      );
    default: {
      const never: never = f;
      throw new Error(`Kiểu trường không hỗ trợ: ${JSON.stringify(never)}`);
    }
  }
}

/**
 * The online form rendered from the very field definitions being edited, with a trial check by the schema the
 * server will apply to submissions (`buildSubmissionSchema`). Addresses are left out of the trial: their
 * pickers need the organisation tree.
 */
export function FormPreview({ fields }: { fields: FormField[] }) {
  const [values, setValues] = useState<Values>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [verdict, setVerdict] = useState<string>();

  const check = () => {
    const checked = fields.filter((f) => f.type !== 'address');
    let schema: ReturnType<typeof buildSubmissionSchema>;
    try {
      schema = buildSubmissionSchema({ fields: checked }, { today: todayInVietnam() });
    } catch {
      setErrors({});
      setVerdict('Biểu mẫu còn trường chưa hoàn chỉnh (nhãn trống, mã trùng…): sửa bên trái trước khi thử.');
      return;
    }
    const keys = new Set(checked.map((f) => f.key));
    const input = Object.fromEntries(Object.entries(values).filter(([k]) => keys.has(k)));
    const result = schema.safeParse(input);
    const found: Record<string, string> = {};
    if (!result.success) for (const i of result.error.issues) found[String(i.path[0])] ??= i.message;
    setErrors(found);
    setVerdict(result.success ? 'Dữ liệu thử hợp lệ.' : undefined);
  };

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-label="Xem trước biểu mẫu"
      bg="var(--mantine-color-gray-0)"
    >
      <Stack gap="sm">
        <Title order={3} size="h5">
          Xem trước: người nộp hồ sơ thấy
        </Title>
        {fields.length === 0 && (
          <Text size="sm" c="dimmed">
            Biểu mẫu chưa có trường nào.
          </Text>
        )}
        {fields.map((f) => (
          <PreviewField
            key={f.key}
            field={f}
            value={values[f.key]}
            error={errors[f.key]}
            onChange={(v) => setValues((all) => ({ ...all, [f.key]: v }))}
          />
        ))}
        {fields.length > 0 && (
          <Group justify="space-between">
            <Button variant="light" size="xs" onClick={check}>
              Kiểm tra thử
            </Button>
            <Button
              variant="subtle"
              size="xs"
              onClick={() => {
                setValues({});
                setErrors({});
                setVerdict(undefined);
              }}
            >
              Xóa dữ liệu thử
            </Button>
          </Group>
        )}
        {verdict && (
          <Alert color={verdict.startsWith('Dữ liệu') ? 'green' : 'yellow'} variant="light">
            {verdict}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

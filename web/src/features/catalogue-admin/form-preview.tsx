import {
  Alert,
  Button,
  FileInput,
  Group,
  Input,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { buildSubmissionSchema, type FormField } from '../../../../domain/catalogue/index.ts';
import {
  type AddressField,
  type FieldProps,
  type FileField,
  fieldFrame,
  OnlineFormField,
} from '../../components/online-form-field.tsx';
import { todayInVietnam } from '../calendar/dates.ts';

type Values = Record<string, unknown>;

/** The address pickers need the organisation tree: the preview shows their shape only. */
function PreviewAddress({ field: f }: FieldProps<AddressField>) {
  const label = f.label || '(chưa có nhãn)';
  return (
    <Stack gap={4}>
      <Input.Label required={f.required}>{label}</Input.Label>
      {f.help && <Input.Description>{f.help}</Input.Description>}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <NativeSelect aria-label={`${label}: tỉnh, thành phố`} data={['Tỉnh, thành phố']} disabled />
        <NativeSelect aria-label={`${label}: xã, phường, đặc khu`} data={['Xã, phường']} disabled />
      </SimpleGrid>
      <TextInput aria-label={`${label}: số nhà, đường`} placeholder="Số nhà, đường, thôn, tổ dân phố" />
      <Text size="xs" c="dimmed">
        Khi nộp thật, tỉnh và xã được chọn từ danh mục đơn vị hành chính.
      </Text>
    </Stack>
  );
}

/** Nothing is uploaded from the preview: the chosen names stand in for stored files. */
function PreviewFile({ field: f, onChange, error }: FieldProps<FileField>) {
  return (
    <FileInput
      {...fieldFrame(f, error)}
      multiple
      clearable
      placeholder={
        f.accept.length ? `Tệp ${f.accept.join(', ')}; tối đa ${f.maxFiles} tệp` : `Tối đa ${f.maxFiles} tệp`
      }
      accept={f.accept.map((a) => `.${a}`).join(',')}
      onChange={(files) => onChange(files.map((file) => ({ fileId: 'xem-thu', name: file.name })))}
    />
  );
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
          <OnlineFormField
            key={f.key}
            field={f}
            value={values[f.key]}
            error={errors[f.key]}
            onChange={(v) => setValues((all) => ({ ...all, [f.key]: v }))}
            renderAddress={PreviewAddress}
            renderFile={PreviewFile}
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

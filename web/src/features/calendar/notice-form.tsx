import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { NewCalendarNotice } from '../../../../domain/calendar/requests.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import type { ApiError } from '../../lib/api.ts';
import { type FieldErrors, fieldErrors, problemFieldErrors } from '../../lib/form.ts';
import { asApiError } from '../../lib/use-api.ts';
import { addNotice } from './calendar.api.ts';
import { noticeKindLabel } from './notices-table.tsx';

type Kind = NewCalendarNotice['kind'];
interface Values {
  date: string;
  kind: Kind;
  name: string;
  decision: string;
}
const empty: Values = { date: '', kind: 'dayOff', name: '', decision: '' };
const kindOptions = (Object.keys(noticeKindLabel) as Kind[]).map((k) => ({
  value: k,
  label: noticeKindLabel[k],
}));
const isKind = (v: string): v is Kind => v in noticeKindLabel;
const inlineFields = /^(date|kind|name|decision)$/;

/** Enters an official notice (a day off, a make-up working day, a cancelled day off) for the whole province. */
export function NoticeForm({ onCreated }: { onCreated: (date: string) => void }) {
  const [values, setValues] = useState<Values>(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiError>();
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState<string>();

  const text = (key: 'date' | 'name' | 'decision') => ({
    value: values[key],
    error: errors[key],
    onChange: (e: { currentTarget: HTMLInputElement }) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [key]: value }));
    },
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    setDone(undefined);
    const parsed = NewCalendarNotice.safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await addNotice(parsed.data);
      setValues(empty);
      setDone(`Đã nhập thông báo «${parsed.data.name}».`);
      onCreated(parsed.data.date);
    } catch (e) {
      const problem = asApiError(e);
      setFailure(problem);
      setErrors(problemFieldErrors(problem.errors));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="notice-form-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id="notice-form-title">
            Nhập thông báo chính thức
          </Title>
          <Text size="sm" c="dimmed">
            Theo thông báo của Bộ Nội vụ hoặc Ủy ban nhân dân tỉnh; áp dụng cho mọi cơ quan, đơn vị và mọi hạn
            tính từ nay.
          </Text>
          <ErrorAlert error={failure} isShownInline={(path) => inlineFields.test(path)} />
          {done && (
            <Text size="sm" c="teal.8" role="status">
              {done}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="date" label="Ngày" required {...text('date')} />
            <NativeSelect
              label="Loại thông báo"
              required
              data={kindOptions}
              value={values.kind}
              error={errors.kind}
              onChange={(e) => {
                const kind = e.currentTarget.value;
                if (isKind(kind)) setValues((v) => ({ ...v, kind }));
              }}
            />
            <TextInput label="Tên ngày" placeholder="Nghỉ bù Giỗ Tổ Hùng Vương" required {...text('name')} />
            <TextInput label="Văn bản" placeholder="Thông báo 123/TB-BNV" required {...text('decision')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={saving}>
              Nhập thông báo
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { NewCalendarNotice } from '../../../../domain/calendar/requests.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useEntityForm } from '../../lib/use-entity-form.ts';
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
  const { values, setValues, set, text, errors, failure, saving, submit } = useEntityForm(empty);
  const [done, setDone] = useState<string>();

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setDone(undefined);
    await submit({
      parsed: NewCalendarNotice.safeParse(values),
      send: async (notice) => {
        await addNotice(notice);
        setValues(empty);
        setDone(`Đã nhập thông báo «${notice.name}».`);
        onCreated(notice.date);
      },
    });
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="notice-form-title">
      <form onSubmit={save} noValidate>
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
            <DateField label="Ngày" required value={values.date} error={errors.date} onChange={set('date')} />
            <NativeSelect
              label="Loại thông báo"
              required
              data={kindOptions}
              value={values.kind}
              error={errors.kind}
              onChange={(e) => {
                const kind = e.currentTarget.value;
                if (isKind(kind)) set('kind')(kind);
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

import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { z } from 'zod';
import { Decision, type ProcedureVersion } from '../../../../domain/catalogue/index.ts';
import { decisionActionLabel } from '../../../../domain/catalogue/labels.ts';
import { IsoDate } from '../../../../domain/shared/text.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDate } from '../../lib/format.ts';
import { useEntityForm } from '../../lib/use-entity-form.ts';
import { publishDraft } from './catalogue-admin.api.ts';

const PublishBody = z.strictObject({ decision: Decision, effectiveFrom: IsoDate.optional() });
type Action = 'published' | 'amended';

interface PublishFormProps {
  code: string;
  draft: ProcedureVersion | undefined;
  /** The version in force until the draft takes effect. */
  published: ProcedureVersion | undefined;
  /** Edits not saved yet: publishing takes the saved draft only. */
  dirty: boolean;
  onPublished: (v: ProcedureVersion) => void;
}

/** Publishes the saved draft by a decision (quyết định công bố); the version in force ends the day before. */
export function PublishForm({ code, draft, published, dirty, onPublished }: PublishFormProps) {
  const form = useEntityForm({
    action: (published ? 'amended' : 'published') as Action,
    number: '',
    date: '',
    issuer: '',
    effectiveFrom: '',
  });
  const { values, errors, set } = form;

  if (!draft) {
    return (
      <Alert color="gray" variant="light" title="Chưa có dự thảo">
        Sửa nội dung ở thẻ «Soạn dự thảo» rồi lưu: dự thảo mới được tạo từ phiên bản đang công bố.
      </Alert>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { effectiveFrom, action, ...rest } = values;
    const body = { decision: { action, ...rest }, ...(effectiveFrom ? { effectiveFrom } : {}) };
    await form.submit({
      parsed: PublishBody.safeParse(body),
      extraErrors: values.date === '' ? { 'decision.date': 'Vui lòng nhập ngày ký quyết định' } : {},
      send: async (data) => onPublished(await publishDraft(code, data)),
    });
  };

  return (
    <Paper withBorder radius="md" p="md" maw={760}>
      <form onSubmit={submit} noValidate aria-label="Công bố dự thảo">
        <Stack gap="sm">
          <Text size="sm">
            Công bố <strong>dự thảo phiên bản {draft.version}</strong>
            {published
              ? `; phiên bản ${published.version} đang áp dụng sẽ hết hiệu lực từ ngày trước ngày có hiệu lực mới.`
              : '.'}
          </Text>
          {dirty && (
            <Alert color="yellow" variant="light">
              Còn thay đổi chưa lưu ở thẻ «Soạn dự thảo»: chỉ nội dung đã lưu được công bố.
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label="Loại quyết định"
              data={(['published', 'amended'] as const).map((a) => ({
                value: a,
                label: decisionActionLabel[a],
              }))}
              value={values.action}
              onChange={(e) => set('action')(e.currentTarget.value as Action)}
            />
            <TextInput
              label="Số, ký hiệu quyết định"
              placeholder="Ví dụ: 1234/QĐ-UBND"
              required
              {...form.text('number')}
              error={errors['decision.number']}
            />
            <DateField
              label="Ngày ký"
              required
              value={values.date}
              onChange={set('date')}
              error={errors['decision.date']}
            />
            <TextInput
              label="Cơ quan, người ban hành"
              placeholder="Ví dụ: Chủ tịch Ủy ban nhân dân tỉnh"
              required
              {...form.text('issuer')}
              error={errors['decision.issuer']}
            />
            <DateField
              label="Có hiệu lực từ ngày"
              description={
                draft.effectiveFrom
                  ? `Để trống: theo dự thảo (${formatDate(draft.effectiveFrom)})`
                  : 'Để trống: từ ngày ký'
              }
              value={values.effectiveFrom}
              onChange={set('effectiveFrom')}
              error={errors.effectiveFrom}
            />
          </SimpleGrid>
          <ErrorAlert error={form.failure} isShownInline={(p) => p in errors && p !== ''} />
          <Group justify="flex-end">
            <Button type="submit" loading={form.saving}>
              Công bố phiên bản {draft.version}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

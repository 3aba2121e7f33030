import {
  Button,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  isWithinLimit,
  type LegalDocument,
  OnlineLevel,
  onlineLevelLabel,
  type VersionContent,
} from '../../../../domain/catalogue/index.ts';
import { DateField } from '../../components/date-field.tsx';
import type { FieldErrors } from '../../lib/form.ts';
import { LimitInput } from './limit-input.tsx';
import { move, optional, removeAt, replaceAt } from './list-edit.ts';
import { RowActions } from './row-actions.tsx';
import type { SetContent } from './use-draft-editor.ts';

interface TabProps {
  content: VersionContent;
  set: SetContent;
  errors: FieldErrors;
  readOnly: boolean;
}

function LegalBasisEditor({ content, set, errors, readOnly }: TabProps) {
  const list = content.legalBasis;
  const update = (i: number, patch: Partial<LegalDocument>) =>
    set('legalBasis', replaceAt(list, i, { ...list[i]!, ...patch }));
  return (
    <Stack gap="xs">
      <Text fw={500} size="sm">
        Căn cứ pháp lý
      </Text>
      {list.map((doc, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a document's number is being typed; the position is its identity here.
        <Fieldset key={i} legend={`Văn bản ${i + 1}`} p="sm" disabled={readOnly}>
          <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="xs">
            <TextInput
              label="Số, ký hiệu"
              value={doc.number}
              error={errors[`legalBasis.${i}.number`]}
              onChange={(e) => update(i, { number: e.currentTarget.value })}
            />
            <Textarea
              label="Trích yếu"
              autosize
              minRows={1}
              value={doc.title}
              error={errors[`legalBasis.${i}.title`]}
              onChange={(e) => update(i, { title: e.currentTarget.value })}
              style={{ gridColumn: 'span 2' }}
            />
            <DateField
              label="Ngày ban hành"
              value={doc.issuedOn ?? ''}
              error={errors[`legalBasis.${i}.issuedOn`]}
              onChange={(v) => update(i, { issuedOn: v === '' ? undefined : v })}
            />
          </SimpleGrid>
          <Group justify="space-between" align="flex-end" mt="xs">
            <TextInput
              label="Điều, khoản áp dụng"
              value={doc.articles ?? ''}
              onChange={(e) => update(i, { articles: optional(e.currentTarget.value) })}
              w={320}
            />
            <RowActions
              name={`văn bản ${i + 1}`}
              index={i}
              count={list.length}
              disabled={readOnly}
              onMove={(d) => set('legalBasis', move(list, i, d))}
              onRemove={() => set('legalBasis', removeAt(list, i))}
            />
          </Group>
        </Fieldset>
      ))}
      {errors.legalBasis && (
        <Text c="red" size="sm">
          {errors.legalBasis}
        </Text>
      )}
      {!readOnly && (
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() => set('legalBasis', [...list, { number: '', title: '' }])}
          >
            Thêm văn bản
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** Dates, online level, time limits and the legal basis. */
export function GeneralTab(props: TabProps) {
  const { content, set, errors, readOnly } = props;
  const tooLong = !isWithinLimit(content.localLimit, content.legalLimit);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <DateField
          label="Ngày có hiệu lực (dự kiến)"
          description="Để trống: lấy ngày của quyết định công bố"
          value={content.effectiveFrom ?? ''}
          error={errors.effectiveFrom}
          disabled={readOnly}
          onChange={(v) => set('effectiveFrom', v === '' ? null : v)}
        />
        <DateField
          label="Ngày hết hiệu lực"
          description="Thường để trống"
          value={content.effectiveTo ?? ''}
          error={errors.effectiveTo}
          disabled={readOnly}
          onChange={(v) => set('effectiveTo', v === '' ? null : v)}
        />
        <NativeSelect
          label="Mức độ dịch vụ công trực tuyến"
          data={OnlineLevel.options.map((l) => ({ value: l, label: onlineLevelLabel[l] }))}
          value={content.onlineLevel}
          error={errors.onlineLevel}
          disabled={readOnly}
          onChange={(e) => set('onlineLevel', OnlineLevel.parse(e.currentTarget.value))}
        />
      </SimpleGrid>
      <Fieldset legend="Thời hạn giải quyết" p="sm">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <LimitInput
              label="Thời hạn theo quy định"
              value={content.legalLimit}
              onChange={(v) => set('legalLimit', v)}
              error={errors.legalLimit}
              disabled={readOnly}
            />
            <LimitInput
              label="Thời hạn cam kết của địa phương"
              value={content.localLimit}
              onChange={(v) => set('localLimit', v)}
              error={errors.localLimit ?? (tooLong ? 'Không được dài hơn thời hạn theo quy định' : undefined)}
              disabled={readOnly}
            />
          </SimpleGrid>
          <Textarea
            label="Ghi chú về thời hạn"
            placeholder="Ví dụ: Trường hợp cần xác minh: không quá 05 ngày làm việc"
            autosize
            minRows={2}
            value={content.limitNote ?? ''}
            error={errors.limitNote}
            disabled={readOnly}
            onChange={(e) => set('limitNote', optional(e.currentTarget.value))}
          />
        </Stack>
      </Fieldset>
      <LegalBasisEditor {...props} />
    </Stack>
  );
}

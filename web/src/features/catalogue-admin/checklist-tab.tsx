import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import {
  DocumentKind,
  documentKindLabel,
  type RequiredDocument,
  type VersionContent,
} from '../../../../domain/catalogue/index.ts';
import type { FieldErrors } from '../../lib/form.ts';
import { freshKey, move, numberOr, optional, removeAt, replaceAt } from './list-edit.ts';
import { RowActions } from './row-actions.tsx';
import type { SetContent } from './use-draft-editor.ts';

const kindOptions = DocumentKind.options.map((k) => ({ value: k, label: documentKindLabel[k] }));

/** The checklist (thành phần hồ sơ): what a dossier must contain, in the order the desk checks it. */
export function ChecklistTab(props: {
  content: VersionContent;
  set: SetContent;
  errors: FieldErrors;
  readOnly: boolean;
}) {
  const { content, set, errors, readOnly } = props;
  const docs = content.requiredDocuments;
  const update = (i: number, patch: Partial<RequiredDocument>) =>
    set('requiredDocuments', replaceAt(docs, i, { ...docs[i]!, ...patch }));
  const add = () =>
    set('requiredDocuments', [
      ...docs,
      {
        key: freshKey(
          'document',
          docs.map((d) => d.key),
        ),
        name: '',
        kinds: ['original'],
        count: 1,
        mandatory: true,
      },
    ]);

  return (
    <Stack gap="md">
      {docs.map((doc, i) => {
        const at = `requiredDocuments.${i}`;
        return (
          <Fieldset key={doc.key} legend={`Thành phần ${i + 1}`} p="sm" disabled={readOnly}>
            <Stack gap="xs">
              <TextInput
                label="Tên giấy tờ"
                value={doc.name}
                error={errors[`${at}.name`]}
                onChange={(e) => update(i, { name: e.currentTarget.value })}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                <MultiSelect
                  label="Loại bản được chấp nhận"
                  data={kindOptions}
                  value={doc.kinds}
                  error={errors[`${at}.kinds`]}
                  onChange={(v) => update(i, { kinds: v.map((k) => DocumentKind.parse(k)) })}
                  style={{ gridColumn: 'span 2' }}
                  disabled={readOnly}
                />
                <NumberInput
                  label="Số lượng (bản)"
                  value={doc.count}
                  min={1}
                  max={50}
                  allowDecimal={false}
                  allowNegative={false}
                  error={errors[`${at}.count`]}
                  onChange={(v) => update(i, { count: numberOr(v, 1) })}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                <TextInput
                  label="Mẫu đơn, tờ khai"
                  placeholder="Ví dụ: Tờ khai đăng ký khai sinh (Thông tư 04/2020/TT-BTP)"
                  value={doc.templateFile ?? ''}
                  error={errors[`${at}.templateFile`]}
                  onChange={(e) => update(i, { templateFile: optional(e.currentTarget.value) })}
                />
                <TextInput
                  label="Ghi chú"
                  value={doc.note ?? ''}
                  error={errors[`${at}.note`]}
                  onChange={(e) => update(i, { note: optional(e.currentTarget.value) })}
                />
              </SimpleGrid>
              <Group justify="space-between">
                <Group gap="md">
                  <Checkbox
                    label="Bắt buộc"
                    checked={doc.mandatory}
                    onChange={(e) => update(i, { mandatory: e.currentTarget.checked })}
                  />
                  <Text size="xs" c="dimmed">
                    Mã: {doc.key}
                  </Text>
                </Group>
                <RowActions
                  name={`thành phần ${i + 1}`}
                  index={i}
                  count={docs.length}
                  disabled={readOnly}
                  onMove={(d) => set('requiredDocuments', move(docs, i, d))}
                  onRemove={() => set('requiredDocuments', removeAt(docs, i))}
                />
              </Group>
              {errors[`${at}.key`] && (
                <Text c="red" size="sm">
                  {errors[`${at}.key`]}
                </Text>
              )}
            </Stack>
          </Fieldset>
        );
      })}
      {errors.requiredDocuments && (
        <Text c="red" size="sm">
          {errors.requiredDocuments}
        </Text>
      )}
      {!readOnly && (
        <Group>
          <Button variant="light" size="xs" onClick={add}>
            Thêm thành phần hồ sơ
          </Button>
        </Group>
      )}
    </Stack>
  );
}

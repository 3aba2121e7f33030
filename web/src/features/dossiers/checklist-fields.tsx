import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  CloseButton,
  Fieldset,
  FileButton,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { documentKindLabel, type RequiredDocument } from '../../../../domain/catalogue/procedure.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import type { ApiError } from '../../lib/api.ts';
import { asApiError } from '../../lib/use-api.ts';
import { fileUrl, uploadFile } from './dossiers.api.ts';
import type { DocDraft } from './intake-form.ts';

interface ChecklistFieldsProps {
  checklist: readonly RequiredDocument[];
  documents: Record<string, DocDraft>;
  onChange: (key: string, patch: Partial<DocDraft>) => void;
  error?: string | undefined;
}

const ACCEPT = 'application/pdf,image/jpeg,image/png';

function ChecklistItem(props: {
  item: RequiredDocument;
  doc: DocDraft;
  onChange: (patch: Partial<DocDraft>) => void;
}) {
  const { item, doc, onChange } = props;
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<ApiError>();

  const upload = async (files: File[]) => {
    if (files.length === 0) return;
    setUploading(true);
    setError(undefined);
    try {
      const stored = [];
      for (const f of files) stored.push(await uploadFile(f));
      onChange({ files: [...doc.files, ...stored], checked: true });
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Paper
      component="li"
      withBorder
      radius="sm"
      p="sm"
      style={{ listStyle: 'none' }}
      bg={doc.checked ? 'var(--mantine-color-green-light)' : undefined}
      aria-label={item.name}
    >
      <Stack gap={6}>
        <Checkbox
          checked={doc.checked}
          onChange={(e) => onChange({ checked: e.currentTarget.checked })}
          label={
            <Text span size="sm" fw={500}>
              {item.name}{' '}
              {item.mandatory ? (
                <Badge size="xs" color="red" variant="light" style={{ textTransform: 'none' }}>
                  Bắt buộc
                </Badge>
              ) : (
                <Badge size="xs" color="gray" variant="light" style={{ textTransform: 'none' }}>
                  Nếu có
                </Badge>
              )}
            </Text>
          }
          description={[
            `Yêu cầu: ${item.kinds.map((k) => documentKindLabel[k].toLowerCase()).join(' hoặc ')}, ${item.count} bản`,
            item.templateFile ? `Mẫu: ${item.templateFile}` : null,
            item.note ?? null,
          ]
            .filter(Boolean)
            .join('. ')}
        />
        <Group gap="sm" align="flex-end" pl={30} wrap="wrap">
          <NativeSelect
            label="Hình thức"
            size="xs"
            value={doc.kind}
            onChange={(e) => onChange({ kind: e.currentTarget.value as DocDraft['kind'] })}
            data={item.kinds.map((k) => ({ value: k, label: documentKindLabel[k] }))}
            w={260}
          />
          <NumberInput
            label="Số bản"
            size="xs"
            min={1}
            max={50}
            allowDecimal={false}
            value={doc.count}
            onChange={(v) => onChange({ count: v })}
            w={80}
          />
          <FileButton onChange={upload} accept={ACCEPT} multiple>
            {(p) => (
              <Button {...p} size="xs" variant="default" loading={uploading}>
                Tải bản quét
              </Button>
            )}
          </FileButton>
        </Group>
        {doc.files.length > 0 && (
          <Group gap="xs" pl={30}>
            {doc.files.map((f) => (
              <Group key={f.id} gap={2} wrap="nowrap">
                <Anchor href={fileUrl(f.id)} size="xs" target="_blank" rel="noopener">
                  {f.name}
                </Anchor>
                <CloseButton
                  size="xs"
                  aria-label={`Bỏ tệp ${f.name}`}
                  onClick={() => onChange({ files: doc.files.filter((x) => x.id !== f.id) })}
                />
              </Group>
            ))}
          </Group>
        )}
        <ErrorAlert error={error} />
      </Stack>
    </Paper>
  );
}

/** The checklist of the version in force: what the applicant brought, in which form, how many copies, scans. */
export function ChecklistFields({ checklist, documents, onChange, error }: ChecklistFieldsProps) {
  const ticked = checklist.filter((d) => documents[d.key]?.checked).length;
  return (
    <Fieldset legend={`Thành phần hồ sơ (đã có ${ticked}/${checklist.length})`}>
      <Stack gap="xs" component="ul" m={0} p={0} aria-label="Thành phần hồ sơ">
        {checklist.map((item) => {
          const doc = documents[item.key];
          if (!doc) return null;
          return (
            <ChecklistItem
              key={item.key}
              item={item}
              doc={doc}
              onChange={(patch) => onChange(item.key, patch)}
            />
          );
        })}
      </Stack>
      {error && (
        <Text c="red" size="sm" mt="xs">
          {error}
        </Text>
      )}
    </Fieldset>
  );
}

import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { type SlipAddressee, SlipRequest } from '../../../../domain/dossier/index.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import type { ApiError } from '../../lib/api.ts';
import { formatDateThenTime } from '../../lib/format.ts';
import { asApiError } from '../../lib/use-api.ts';
import { formUrls, issueSlip, newIdempotencyKey, type SlipIssued } from './dossiers.api.ts';
import { emptyItem, type ItemDraft, ItemsEditor, itemsOf } from './items-editor.tsx';

export interface SlipDialogProps {
  kind: 'guidance' | 'refusal';
  procedureCode: string;
  procedureName: string;
  receivingAgencyId: string;
  addressee: SlipAddressee;
  /** Guidance: the lines proposed (by the server's checklist check, or what is not ticked). */
  items: readonly { name: string; detail?: string | undefined }[];
  onClose: () => void;
}

const titles = {
  guidance: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02)',
  refusal: 'Phiếu từ chối tiếp nhận, giải quyết hồ sơ (mẫu 03)',
};

/** Issues a guidance slip (everything missing, in one writing) or a refusal slip with its reasons. */
export function SlipDialog(props: SlipDialogProps) {
  const { kind, onClose } = props;
  const [key] = useState(newIdempotencyKey);
  const [addressee, setAddressee] = useState({
    fullName: props.addressee.fullName,
    phone: props.addressee.phone ?? '',
    email: props.addressee.email ?? '',
    address: props.addressee.address ?? '',
  });
  const [items, setItems] = useState<ItemDraft[]>(
    props.items.length > 0
      ? props.items.map((i) => ({ name: i.name, detail: i.detail ?? '' }))
      : [emptyItem()],
  );
  const [reasons, setReasons] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError>();
  const [saving, setSaving] = useState(false);
  const [issued, setIssued] = useState<SlipIssued>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const opt = (s: string) => (s.trim() ? s.trim() : undefined);
    const common = {
      procedureCode: props.procedureCode,
      receivingAgencyId: props.receivingAgencyId,
      addressee: {
        fullName: addressee.fullName,
        phone: opt(addressee.phone),
        email: opt(addressee.email),
        address: opt(addressee.address),
      },
      note: opt(note),
    };
    const body =
      kind === 'guidance'
        ? { kind, ...common, items: itemsOf(items) }
        : {
            kind,
            ...common,
            reasons: reasons
              .split('\n')
              .map((r) => r.trim())
              .filter(Boolean),
          };
    const parsed = SlipRequest.safeParse(body);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const i of parsed.error.issues) found[i.path.join('.')] ??= i.message;
      setErrors(found);
      return;
    }
    setErrors({});
    setSaving(true);
    setError(undefined);
    try {
      setIssued(await issueSlip(parsed.data, key));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setSaving(false);
    }
  };

  const fieldError = (path: string) => errors[path] ?? error?.fieldError(path);
  return (
    <Modal opened onClose={onClose} title={titles[kind]} size="lg">
      {issued ? (
        <Stack gap="sm">
          <Alert
            color="green"
            title={kind === 'guidance' ? 'Đã lập phiếu hướng dẫn' : 'Đã lập phiếu từ chối'}
          >
            <Text size="sm">
              Số phiếu:{' '}
              <Text span ff="monospace" fw={600} data-testid="slip-number">
                {issued.number}
              </Text>
            </Text>
            <Text size="sm">Thủ tục: {issued.procedureName}</Text>
            <Text size="sm">Lập lúc: {formatDateThenTime(issued.issuedAt)}</Text>
          </Alert>
          <Group justify="flex-end">
            <Button component="a" href={formUrls.slip(issued.id)} target="_blank" rel="noopener">
              In phiếu
            </Button>
            <Button variant="default" onClick={onClose}>
              Đóng
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              Thủ tục: {props.procedureName}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label="Gửi ông/bà"
                withAsterisk
                value={addressee.fullName}
                onChange={(e) => setAddressee({ ...addressee, fullName: e.currentTarget.value })}
                error={fieldError('addressee.fullName')}
              />
              <TextInput
                label="Số điện thoại"
                value={addressee.phone}
                onChange={(e) => setAddressee({ ...addressee, phone: e.currentTarget.value })}
                error={fieldError('addressee.phone')}
              />
              <TextInput
                label="Thư điện tử"
                value={addressee.email}
                onChange={(e) => setAddressee({ ...addressee, email: e.currentTarget.value })}
                error={fieldError('addressee.email')}
              />
              <TextInput
                label="Địa chỉ"
                value={addressee.address}
                onChange={(e) => setAddressee({ ...addressee, address: e.currentTarget.value })}
                error={fieldError('addressee.address')}
              />
            </SimpleGrid>
            {kind === 'guidance' ? (
              <ItemsEditor
                label="Giấy tờ cần bổ sung, hoàn thiện"
                items={items}
                onChange={setItems}
                error={fieldError('items')}
              />
            ) : (
              <Textarea
                label="Lý do từ chối (mỗi lý do một dòng)"
                withAsterisk
                autosize
                minRows={3}
                value={reasons}
                onChange={(e) => setReasons(e.currentTarget.value)}
                error={fieldError('reasons')}
              />
            )}
            <Textarea
              label="Ghi chú"
              autosize
              minRows={1}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <ErrorAlert error={error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Hủy
              </Button>
              <Button type="submit" loading={saving} color={kind === 'refusal' ? 'red' : 'blue'}>
                {kind === 'guidance' ? 'Lập phiếu hướng dẫn' : 'Lập phiếu từ chối'}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

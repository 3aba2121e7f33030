import {
  Anchor,
  Button,
  FileButton,
  Group,
  NativeSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import {
  type DossierAction,
  type DossierView,
  ResultDelivery,
  resultDeliveryLabel,
} from '../../../../domain/dossier/index.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { TimeField } from '../../components/time-field.tsx';
import type { ApiError } from '../../lib/api.ts';
import { formatDateThenTime } from '../../lib/format.ts';
import { asApiError, useApi } from '../../lib/use-api.ts';
import { type ActionDraft, reasonLabel, targetsOf } from './action-request.ts';
import { fileUrl, listAllAgencies, listAssignees, uploadFile } from './dossiers.api.ts';
import { ItemsEditor } from './items-editor.tsx';

interface ActionFieldsProps {
  dossier: DossierView;
  action: DossierAction;
  draft: ActionDraft;
  set: (patch: Partial<ActionDraft>) => void;
  errorAt: (path: string) => string | undefined;
}

/** The people who hold the step's role where it is done; empty value = nobody chosen. */
function AssigneePicker({
  dossierId,
  step,
  agencyId,
  required,
  value,
  onChange,
  error,
}: {
  dossierId: string;
  step?: string | undefined;
  agencyId?: string | undefined;
  required: boolean;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
}) {
  const people = useApi(`dossiers:assignees:${dossierId}:${step ?? ''}:${agencyId ?? ''}`, () =>
    listAssignees(dossierId, step, agencyId),
  );
  return (
    <Select
      label={required ? 'Giao cho cán bộ' : 'Giao cho cán bộ (không bắt buộc)'}
      withAsterisk={required}
      searchable
      clearable={!required}
      nothingFoundMessage="Không có cán bộ phù hợp"
      data={(people.data ?? []).map((p) => ({ value: p.id, label: p.fullName }))}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      error={error ?? people.error?.title}
      data-autofocus={required || undefined}
    />
  );
}

function AgencyPicker({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
}) {
  const agencies = useApi('dossiers:all-agencies', listAllAgencies);
  return (
    <Select
      label="Cơ quan thực hiện bước tiếp theo"
      withAsterisk
      searchable
      nothingFoundMessage="Không tìm thấy"
      data={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      error={error ?? agencies.error?.title}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function ResultFile({ draft, set }: Pick<ActionFieldsProps, 'draft' | 'set'>) {
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<ApiError>();
  const upload = async (file: File | null) => {
    if (!file) return;
    setUploading(true);
    setError(undefined);
    try {
      const stored = await uploadFile(file);
      set({ fileId: stored.id, fileName: stored.name });
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setUploading(false);
    }
  };
  return (
    <Stack gap={4}>
      <Group gap="sm">
        <FileButton onChange={upload} accept="application/pdf,image/jpeg,image/png">
          {(p) => (
            <Button {...p} size="xs" variant="default" loading={uploading}>
              Tải tệp kết quả (bản quét)
            </Button>
          )}
        </FileButton>
        {draft.fileId && (
          <Anchor href={fileUrl(draft.fileId)} size="sm" target="_blank" rel="noopener">
            {draft.fileName}
          </Anchor>
        )}
      </Group>
      <ErrorAlert error={error} />
    </Stack>
  );
}

/** The inputs one action needs: a reason, a next step, a target agency, items, a new date, a fee, a result. */
export function ActionFields({ dossier: d, action, draft, set, errorAt }: ActionFieldsProps) {
  const reason = reasonLabel(action);
  const noteField = (label: string, required: boolean) => (
    <Textarea
      label={label}
      withAsterisk={required}
      autosize
      minRows={required ? 2 : 1}
      value={draft.note}
      onChange={(e) => set({ note: e.currentTarget.value })}
      error={errorAt('note')}
      data-autofocus={required || undefined}
    />
  );

  switch (action) {
    case 'claim':
      return <Text size="sm">Nhận hồ sơ về xử lý.</Text>;
    case 'assign':
      return (
        <AssigneePicker
          dossierId={d.id}
          required
          value={draft.assigneeId}
          onChange={(assigneeId) => set({ assigneeId })}
          error={errorAt('assigneeId')}
        />
      );
    case 'forward':
    case 'sendBack': {
      const targets = targetsOf(d, action);
      const target = d.steps.find((s) => s.key === draft.toStep);
      return (
        <Stack gap="sm">
          {targets.length > 1 ? (
            <NativeSelect
              label={action === 'forward' ? 'Chuyển tới bước' : 'Trả lại bước'}
              withAsterisk
              value={draft.toStep}
              onChange={(e) => set({ toStep: e.currentTarget.value })}
              data={[
                { value: '', label: '— Chọn bước —' },
                ...targets.map((s) => ({ value: s.key, label: s.name })),
              ]}
              error={errorAt('toStep')}
            />
          ) : (
            <Text size="sm">
              {action === 'forward' ? 'Chuyển tới bước: ' : 'Trả lại bước: '}
              <strong>{targets[0]?.name ?? 'không có bước nào'}</strong>
              {targets[0]?.unit ? ` (${targets[0].unit})` : ''}
            </Text>
          )}
          {action === 'forward' && target?.otherAgency && (
            <AgencyPicker
              value={draft.toAgencyId}
              onChange={(v) => set({ toAgencyId: v })}
              error={errorAt('toAgencyId')}
            />
          )}
          {action === 'forward' &&
            target &&
            target.kind !== 'return' &&
            (!target.otherAgency || draft.toAgencyId) && (
              <AssigneePicker
                dossierId={d.id}
                step={target.key}
                agencyId={draft.toAgencyId || undefined}
                required={false}
                value={draft.assigneeId}
                onChange={(assigneeId) => set({ assigneeId })}
                error={errorAt('assigneeId')}
              />
            )}
          {noteField(reason ?? 'Ghi chú', reason !== null)}
        </Stack>
      );
    }
    case 'requestSupplement':
      return (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Chỉ được yêu cầu bổ sung một lần: liệt kê đầy đủ mọi giấy tờ cần bổ sung, hoàn thiện. Thời hạn
            giải quyết tạm dừng cho đến khi nhận đủ hồ sơ bổ sung.
          </Text>
          {noteField(reason ?? 'Lý do', true)}
          <ItemsEditor
            label="Giấy tờ cần bổ sung"
            items={draft.items}
            onChange={(items) => set({ items })}
            error={errorAt('items')}
          />
        </Stack>
      );
    case 'requestFinancialObligation':
    case 'collectFee':
      return (
        <Stack gap="sm">
          {action === 'requestFinancialObligation' && noteField(reason ?? 'Lý do', true)}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NumberInput
              label="Số tiền (đồng)"
              withAsterisk={action === 'collectFee'}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator="."
              decimalSeparator=","
              value={draft.amount}
              onChange={(v) => set({ amount: v })}
              error={errorAt('amount')}
              data-autofocus
            />
            {action === 'collectFee' && (
              <TextInput
                label="Số biên lai"
                withAsterisk
                value={draft.receiptNo}
                onChange={(e) => set({ receiptNo: e.currentTarget.value })}
                error={errorAt('receiptNo')}
              />
            )}
          </SimpleGrid>
        </Stack>
      );
    case 'attachResult':
      return (
        <Stack gap="sm">
          <TextInput
            label="Tên kết quả"
            withAsterisk
            placeholder="Ví dụ: Trích lục đăng ký nhận cha, mẹ, con"
            value={draft.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={errorAt('name')}
            data-autofocus
          />
          <TextInput
            label="Số, ký hiệu kết quả"
            value={draft.number}
            onChange={(e) => set({ number: e.currentTarget.value })}
            error={errorAt('number')}
          />
          <ResultFile draft={draft} set={set} />
        </Stack>
      );
    case 'apologise':
      return (
        <Stack gap="sm">
          <Text size="sm">
            Hạn hiện tại: <strong>{formatDateThenTime(d.dueAt)}</strong>. Phiếu xin lỗi phải ban hành chậm
            nhất 01 ngày làm việc trước hạn.
          </Text>
          {noteField(reason ?? 'Lý do', true)}
          <SimpleGrid cols={2} spacing="sm">
            <DateField
              label="Ngày hẹn trả mới"
              withAsterisk
              value={draft.dueDate}
              onChange={(v) => set({ dueDate: v })}
              error={errorAt('newDueAt')}
              popoverProps={{ withinPortal: true }}
            />
            <TimeField
              label="Giờ hẹn trả mới"
              withAsterisk
              value={draft.dueTime}
              onChange={(v) => set({ dueTime: v })}
            />
          </SimpleGrid>
        </Stack>
      );
    case 'returnResult':
      return (
        <Stack gap="sm">
          <NativeSelect
            label="Hình thức trả kết quả"
            value={draft.method}
            onChange={(e) => set({ method: ResultDelivery.parse(e.currentTarget.value) })}
            data={ResultDelivery.options.map((v) => ({ value: v, label: resultDeliveryLabel[v] }))}
          />
          {draft.method === 'post' && (
            <TextInput
              label="Số hiệu bưu gửi"
              withAsterisk
              value={draft.postalTrackingNo}
              onChange={(e) => set({ postalTrackingNo: e.currentTarget.value })}
              error={errorAt('postalTrackingNo')}
            />
          )}
          {draft.method === 'counter' && (
            <TextInput
              label="Người nhận kết quả"
              placeholder="Họ tên người đến nhận (nếu không phải chủ hồ sơ)"
              value={draft.receivedBy}
              onChange={(e) => set({ receivedBy: e.currentTarget.value })}
              error={errorAt('receivedBy')}
            />
          )}
          {noteField('Ghi chú', false)}
        </Stack>
      );
    case 'accept':
    case 'receiveSupplement':
    case 'confirmPayment':
      return noteField('Ghi chú', false);
    case 'refuse':
    case 'withdraw':
    case 'stop':
      return noteField(reason ?? 'Lý do', true);
  }
}

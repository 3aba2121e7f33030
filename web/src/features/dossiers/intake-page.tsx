import {
  Alert,
  Button,
  Fieldset,
  Group,
  List,
  Loader,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { feeAmountText } from '../../../../domain/catalogue/describe.ts';
import type { ProcedureDetail, ProcedureSummary } from '../../../../domain/catalogue/listing.ts';
import {
  checkChecklist,
  type DossierView,
  ResultDelivery,
  resultDeliveryLabel,
  type SupplementItem,
} from '../../../../domain/dossier/index.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import type { ApiError } from '../../lib/api.ts';
import { asApiError, useApi } from '../../lib/use-api.ts';
import { getProcedure } from '../catalogue/catalogue.api.ts';
import { ApplicantFields } from './applicant-fields.tsx';
import { ChecklistFields } from './checklist-fields.tsx';
import {
  listReceivingAgencies,
  newIdempotencyKey,
  receiveDossier,
  supplementItemsOf,
} from './dossiers.api.ts';
import {
  addresseeOf,
  checkIntake,
  type DocDraft,
  documentsFor,
  emptyDraft,
  type IntakeDraft,
  toIntakeRequest,
} from './intake-form.ts';
import { ProcedurePicker } from './procedure-picker.tsx';
import { ReceiptPanel } from './receipt-panel.tsx';
import { SlipDialog } from './slip-dialog.tsx';

type Slip = { kind: 'guidance' | 'refusal'; items: SupplementItem[] };

/**
 * The desk intake (DOMAIN §3.1), made for the keyboard: the procedure search has the focus, Enter picks the
 * first match and moves to the applicant, Tab follows the form, Space ticks the checklist, Ctrl+Enter receives.
 */
export function IntakePage() {
  const agencies = useApi('dossiers:receiving-agencies', listReceivingAgencies);
  const [round, setRound] = useState(0);
  const [received, setReceived] = useState<DossierView>();
  const defaultAgency = agencies.data?.[0]?.id ?? '';

  if (received) {
    return (
      <Stack gap="md">
        <Title order={2}>Tiếp nhận hồ sơ</Title>
        <ReceiptPanel
          dossier={received}
          onNext={() => {
            setReceived(undefined);
            setRound((r) => r + 1);
          }}
        />
      </Stack>
    );
  }
  if (agencies.loading && !agencies.data) return <Loader aria-label="Đang tải" />;
  if (agencies.error) return <ErrorAlert error={agencies.error} />;
  if (!defaultAgency) {
    return (
      <Alert color="yellow" title="Không có nơi tiếp nhận">
        Bạn chưa được phân quyền tiếp nhận hồ sơ tại đơn vị nào có mã định danh điện tử.
      </Alert>
    );
  }
  return (
    <IntakeForm
      key={round}
      agencies={agencies.data ?? []}
      defaultAgencyId={defaultAgency}
      onReceived={setReceived}
    />
  );
}

function IntakeForm(props: {
  agencies: { id: string; name: string }[];
  defaultAgencyId: string;
  onReceived: (d: DossierView) => void;
}) {
  const [draft, setDraft] = useState<IntakeDraft>(() => emptyDraft(props.defaultAgencyId));
  const [summary, setSummary] = useState<ProcedureSummary | null>(null);
  const [detail, setDetail] = useState<ProcedureDetail>();
  const [detailError, setDetailError] = useState<ApiError>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError>();
  const [saving, setSaving] = useState(false);
  const [slip, setSlip] = useState<Slip>();
  const [key, setKey] = useState(newIdempotencyKey);
  const firstApplicantField = useRef<HTMLInputElement>(null);
  const guidanceButton = useRef<HTMLButtonElement>(null);
  const set = (patch: Partial<IntakeDraft>) => setDraft((d) => ({ ...d, ...patch }));

  useEffect(() => {
    setDetail(undefined);
    setDetailError(undefined);
    if (!summary) return;
    let current = true;
    getProcedure(summary.nationalCode)
      .then((p) => {
        if (!current) return;
        setDetail(p);
        setDraft((d) => ({ ...d, documents: documentsFor(p.version.requiredDocuments) }));
      })
      .catch((e: unknown) => current && setDetailError(asApiError(e)));
    return () => {
      current = false;
    };
  }, [summary]);

  const supplement = supplementItemsOf(error);
  useEffect(() => {
    if (supplement.length > 0) guidanceButton.current?.focus();
  }, [supplement.length]);

  const errorAt = (path: string) => errors[path] ?? error?.fieldError(path);
  const setDoc = (k: string, patch: Partial<DocDraft>) =>
    setDraft((d) => {
      const doc = d.documents[k];
      return doc ? { ...d, documents: { ...d.documents, [k]: { ...doc, ...patch } } } : d;
    });

  const receive = async () => {
    if (saving) return;
    if (!summary) {
      setErrors({ procedureCode: 'Chọn thủ tục hành chính' });
      return;
    }
    const body = toIntakeRequest(summary.nationalCode, draft);
    const found = checkIntake(body);
    setErrors(found);
    setError(undefined);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      const dossier = await receiveDossier(body, key);
      setKey(newIdempotencyKey());
      props.onReceived(dossier);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setSaving(false);
    }
  };

  /** Guidance lines: the server's when it answered, else what the checklist check finds missing now. */
  const openGuidance = () => {
    const items =
      supplement.length > 0
        ? supplement
        : checkChecklist(
            detail?.version.requiredDocuments ?? [],
            toIntakeRequest(summary?.nationalCode ?? '', draft).documents.map((d) => ({
              key: d.key,
              kind: d.kind,
              count: d.count ?? 1,
              fileIds: [],
            })),
          ).flatMap((i) => (i.item ? [i.item] : []));
    setSlip({ kind: 'guidance', items });
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void receive();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter') return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      void receive();
      return;
    }
    // Enter in a one-line field must not receive the dossier by accident: only Ctrl+Enter or the button does.
    const target = e.target as HTMLElement;
    if (target instanceof HTMLInputElement) e.preventDefault();
  };

  const version = detail?.version;
  return (
    <Stack gap="md" maw={980}>
      <Title order={2}>Tiếp nhận hồ sơ</Title>
      <form onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate aria-label="Tiếp nhận hồ sơ">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label="Nơi tiếp nhận"
              value={draft.receivingAgencyId}
              onChange={(e) => set({ receivingAgencyId: e.currentTarget.value })}
              data={props.agencies.map((a) => ({ value: a.id, label: a.name }))}
              error={errorAt('receivingAgencyId')}
            />
            <NativeSelect
              label="Hình thức nộp"
              value={draft.channel}
              onChange={(e) => set({ channel: e.currentTarget.value === 'postal' ? 'postal' : 'direct' })}
              data={[
                { value: 'direct', label: 'Trực tiếp tại Bộ phận Một cửa' },
                { value: 'postal', label: 'Qua dịch vụ bưu chính công ích' },
              ]}
            />
          </SimpleGrid>
          <ProcedurePicker
            picked={summary}
            onPick={(p) => {
              setSummary(p);
              // The officer goes on with the applicant while the checklist loads (focus moved in the same
              // event, so the next keystroke cannot land in the search).
              if (p) firstApplicantField.current?.focus();
            }}
            error={errorAt('procedureCode')}
          />
          {summary && (
            <Text size="sm" c="dimmed" data-testid="procedure-limit">
              Thời hạn giải quyết: <strong>{summary.limitText}</strong>
              {summary.legalLimitText ? ` (luật định: ${summary.legalLimitText})` : ''}
            </Text>
          )}
          <ApplicantFields draft={draft} set={set} errorAt={errorAt} firstRef={firstApplicantField} />
          {summary && !version && !detailError && <Loader size="sm" aria-label="Đang tải thành phần hồ sơ" />}
          <ErrorAlert error={detailError} />
          {version && (
            <ChecklistFields
              checklist={version.requiredDocuments}
              documents={draft.documents}
              onChange={setDoc}
              error={errorAt('documents')}
            />
          )}
          <Fieldset legend="Trả kết quả, phí và lệ phí">
            <Stack gap="sm">
              <NativeSelect
                label="Hình thức nhận kết quả"
                value={draft.resultDelivery}
                onChange={(e) => set({ resultDelivery: ResultDelivery.parse(e.currentTarget.value) })}
                data={ResultDelivery.options.map((v) => ({ value: v, label: resultDeliveryLabel[v] }))}
              />
              {version && (
                <Text size="sm" c="dimmed">
                  {version.fees.length > 0
                    ? version.fees.map((f) => `${f.name}: ${feeAmountText(f)}`).join('; ')
                    : 'Không có mức phí, lệ phí cố định.'}
                  {version.feeNote ? ` ${version.feeNote}` : ''}
                </Text>
              )}
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <NumberInput
                  label="Phí, lệ phí đã thu (đồng)"
                  min={0}
                  allowDecimal={false}
                  allowNegative={false}
                  thousandSeparator="."
                  decimalSeparator=","
                  value={draft.feeAmount}
                  onChange={(v) => set({ feeAmount: v })}
                  error={errorAt('fee.amount')}
                />
                <TextInput
                  label="Số biên lai"
                  value={draft.receiptNo}
                  onChange={(e) => set({ receiptNo: e.currentTarget.value })}
                  error={errorAt('fee.receiptNo')}
                />
              </SimpleGrid>
              <Textarea
                label="Ghi chú"
                autosize
                minRows={1}
                value={draft.note}
                onChange={(e) => set({ note: e.currentTarget.value })}
                error={errorAt('note')}
              />
            </Stack>
          </Fieldset>
          {supplement.length > 0 ? (
            <Alert color="yellow" title="Hồ sơ chưa đầy đủ, chưa thể tiếp nhận" role="alert">
              <List size="sm">
                {(error?.errors ?? []).map((e) => (
                  <List.Item key={`${e.path}:${e.message}`}>{e.message}</List.Item>
                ))}
              </List>
              <Button ref={guidanceButton} mt="sm" onClick={openGuidance}>
                Lập phiếu hướng dẫn bổ sung
              </Button>
            </Alert>
          ) : (
            <ErrorAlert error={error} isShownInline={(p) => errorAt(p) !== undefined} />
          )}
          {Object.keys(errors).length > 0 && (
            <Text c="red" size="sm" role="alert">
              Kiểm tra lại các ô được đánh dấu đỏ.
            </Text>
          )}
          <Group gap="sm">
            <Button type="submit" loading={saving}>
              Tiếp nhận (Ctrl+Enter)
            </Button>
            <Button variant="default" onClick={openGuidance} disabled={!detail}>
              Lập phiếu hướng dẫn bổ sung
            </Button>
            <Button
              variant="outline"
              color="red"
              onClick={() => setSlip({ kind: 'refusal', items: [] })}
              disabled={!summary}
            >
              Từ chối tiếp nhận
            </Button>
          </Group>
        </Stack>
      </form>
      {slip && summary && (
        <SlipDialog
          kind={slip.kind}
          procedureCode={summary.nationalCode}
          procedureName={summary.name}
          receivingAgencyId={draft.receivingAgencyId}
          addressee={addresseeOf(draft)}
          items={slip.items}
          onClose={() => setSlip(undefined)}
        />
      )}
    </Stack>
  );
}

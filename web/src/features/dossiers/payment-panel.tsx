import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { DossierView } from '../../../../domain/dossier/views.ts';
import {
  PaymentCancellation,
  PaymentConfirmation,
  type PaymentMethod,
  paymentMethodLabel,
} from '../../../../domain/payment/payment.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import type { ApiError } from '../../lib/api.ts';
import { formatDateThenTime } from '../../lib/format.ts';
import { asApiError, useApi } from '../../lib/use-api.ts';
import { FeeLines, TransferDetails } from '../portal/payment-transfer.tsx';
import {
  cancelPayment,
  confirmPayment,
  formatDong,
  getPayment,
  type PaymentView,
  paymentStateLabel,
  reasonOf,
} from '../portal/payments.api.ts';
import { newIdempotencyKey } from './dossiers.api.ts';

const messagesOf = (issues: readonly { path: PropertyKey[]; message: string }[]) =>
  Object.fromEntries(issues.map((i) => [String(i.path[0] ?? ''), i.message]));

/** The desk saw the money on the statement (or took cash): the receipt number is drawn by the server. */
function ConfirmForm({ view, onDone }: { view: PaymentView; onDone: (v: PaymentView) => void }) {
  const [method, setMethod] = useState<PaymentMethod>('vietqr');
  const [bankReference, setBankReference] = useState('');
  const [amount, setAmount] = useState<number | string>('');
  const [note, setNote] = useState('');
  const [key] = useState(newIdempotencyKey);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError>();
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      method,
      ...(method === 'vietqr' && bankReference.trim() ? { bankReference: bankReference.trim() } : {}),
      ...(typeof amount === 'number' ? { amount } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    const parsed = PaymentConfirmation.safeParse(body);
    if (!parsed.success) {
      setErrors(messagesOf(parsed.error.issues));
      return;
    }
    setErrors({});
    setError(undefined);
    setSaving(true);
    try {
      onDone(await confirmPayment(view.dossierId, body, key));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setSaving(false);
    }
  };
  const errorAt = (path: string) => errors[path] ?? error?.fieldError(path);
  return (
    <form onSubmit={submit} noValidate aria-label="Xác nhận đã thu phí, lệ phí">
      <Stack gap="sm">
        <SegmentedControl
          value={method}
          onChange={(v) => setMethod(v as PaymentMethod)}
          data={[
            { value: 'vietqr', label: 'Chuyển khoản' },
            { value: 'cash', label: 'Tiền mặt tại quầy' },
          ]}
          aria-label="Hình thức nộp"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {method === 'vietqr' && (
            <TextInput
              label="Mã giao dịch ngân hàng (trên sao kê)"
              withAsterisk
              value={bankReference}
              onChange={(e) => setBankReference(e.currentTarget.value)}
              error={errorAt('bankReference')}
            />
          )}
          <NumberInput
            label="Số tiền đã nhận (đồng)"
            description={`Để trống nếu đúng ${formatDong(view.payment?.status === 'requested' ? view.payment.amount : view.fee.total)}`}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator="."
            decimalSeparator=","
            value={amount}
            onChange={setAmount}
            error={errorAt('amount')}
          />
        </SimpleGrid>
        <Textarea
          label="Ghi chú"
          autosize
          minRows={1}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <ErrorAlert error={error} preferDetail isShownInline={(p) => errorAt(p) !== undefined} />
        <Group>
          <Button type="submit" loading={saving}>
            Xác nhận đã thu và cấp biên lai
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A declaration no money came for is cancelled with the reason; the payer may declare again. */
function CancelDialog(props: { view: PaymentView; onClose: () => void; onDone: (v: PaymentView) => void }) {
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [saving, setSaving] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = PaymentCancellation.safeParse({ reason });
    if (!parsed.success) {
      setInvalid('Nêu lý do hủy (ví dụ: không thấy khoản tiền trên sao kê ngày …)');
      return;
    }
    setInvalid(undefined);
    setSaving(true);
    try {
      props.onDone(await cancelPayment(props.view.dossierId, parsed.data));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal opened onClose={props.onClose} title="Hủy đề nghị xác nhận chuyển khoản">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Textarea
            label="Lý do"
            withAsterisk
            autosize
            minRows={2}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={invalid ?? error?.fieldError('reason')}
            data-autofocus
          />
          <Text size="sm" c="dimmed">
            Người nộp thấy lý do này và có thể báo chuyển khoản lại.
          </Text>
          <ErrorAlert error={error} preferDetail />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Đóng
            </Button>
            <Button type="submit" color="red" loading={saving}>
              Hủy đề nghị
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Receipt({ view }: { view: PaymentView }) {
  const p = view.payment;
  if (p?.status !== 'confirmed') {
    return (
      <Text size="sm">
        Đã thu tại quầy {formatDong(view.collectedAtDesk?.amount ?? 0)}, biên lai số{' '}
        {view.collectedAtDesk?.receiptNo}.
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      <Text size="sm">
        Biên lai số{' '}
        <Text span fw={700} ff="monospace" data-testid="desk-receipt-no">
          {p.receiptNo}
        </Text>{' '}
        · {paymentMethodLabel[p.method]}
        {p.bankReference ? ` · mã giao dịch ${p.bankReference}` : ''}
      </Text>
      <Text size="sm" c="dimmed">
        Xác nhận lúc {formatDateThenTime(p.confirmedAt)}
        {p.confirmedByName ? ` bởi ${p.confirmedByName}` : ''}
      </Text>
      {p.receiptUrl && (
        <Group>
          <Button
            component="a"
            href={p.receiptUrl}
            target="_blank"
            rel="noopener"
            variant="default"
            size="xs"
          >
            In biên lai phí, lệ phí (PDF)
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function Body({
  dossier: d,
  view,
  onChanged,
}: {
  dossier: DossierView;
  view: PaymentView;
  onChanged: () => void;
}) {
  const [showQr, setShowQr] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const p = view.payment;
  // The receiving desk's officers (the same people the collectFee action names, payments.policy.ts), on a
  // dossier whose fees may be collected now: an online dossier is accepted first.
  const canCollect = d.allowedActions.includes('collectFee');
  const open = view.state === 'due' || view.state === 'requested';
  if (view.state === 'free') return <Text size="sm">Thủ tục không thu phí, lệ phí.</Text>;
  return (
    <Stack gap="sm">
      <Group gap="sm" align="baseline">
        <Text size="xl" fw={700}>
          {formatDong(p?.status === 'requested' ? p.amount : view.fee.total)}
        </Text>
        <Badge variant="light" size="lg" style={{ textTransform: 'none' }} data-testid="desk-payment-state">
          {paymentStateLabel[view.state]}
        </Badge>
      </Group>
      {view.fee.lines.length > 0 && <FeeLines lines={view.fee.lines} total={view.fee.total} />}
      {view.state === 'requested' && p && (
        <Alert color="blue" variant="light" title="Người nộp báo đã chuyển khoản">
          <Text size="sm">
            Lúc {formatDateThenTime(p.requestedAt)}
            {p.requestedByName ? ` · ${p.requestedByName}` : ''} · nội dung{' '}
            <Text span ff="monospace" fw={600}>
              {p.transferNote}
            </Text>
          </Text>
          {p.payerNote && <Text size="sm">Ghi chú: {p.payerNote}</Text>}
          <Text size="sm">
            Đối chiếu sao kê tài khoản nhận tiền rồi xác nhận, hoặc hủy nếu không thấy tiền về.
          </Text>
        </Alert>
      )}
      {view.state === 'due' && p?.status === 'cancelled' && (
        <Text size="sm" c="dimmed">
          Lần báo chuyển khoản trước đã hủy lúc {formatDateThenTime(p.cancelledAt)}: {p.cancelReason}
        </Text>
      )}
      {view.state === 'paid' && <Receipt view={view} />}
      {view.transfer && view.state === 'due' && (
        <div>
          <Button variant="default" size="xs" onClick={() => setShowQr((s) => !s)} aria-expanded={showQr}>
            {showQr ? 'Ẩn mã VietQR' : 'Hiện mã VietQR cho người nộp quét'}
          </Button>
          {showQr && (
            <Paper withBorder p="sm" mt="xs" maw={420}>
              <TransferDetails transfer={view.transfer} qrSize={200} />
            </Paper>
          )}
        </div>
      )}
      {open && canCollect && (
        <Paper withBorder radius="sm" p="sm" bg="gray.0">
          <Stack gap="sm">
            <ConfirmForm view={view} onDone={onChanged} />
            {view.state === 'requested' && (
              <Group>
                <Button variant="outline" color="red" size="xs" onClick={() => setCancelling(true)}>
                  Hủy đề nghị (không thấy tiền về)
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      )}
      {open && !canCollect && d.allowedActions.includes('accept') && (
        <Text size="sm" c="dimmed">
          Tiếp nhận hồ sơ trước khi xác nhận khoản thu.
        </Text>
      )}
      {cancelling && (
        <CancelDialog
          view={view}
          onClose={() => setCancelling(false)}
          onDone={() => {
            setCancelling(false);
            onChanged();
          }}
        />
      )}
    </Stack>
  );
}

/**
 * The dossier's fees on the staff page: what the pinned version charges, the payer's declared transfer, and for
 * the receiving desk the confirmation with the bank reference (the receipt), or the cancellation with a reason.
 */
export function PaymentPanel({ dossier: d, onChanged }: { dossier: DossierView; onChanged: () => void }) {
  // Reloaded with the dossier: a confirmation adds a "Thu phí, lệ phí" event, an acceptance opens collection.
  const [round, setRound] = useState(0);
  const payment = useApi(`payment:${d.id}:${d.events.length}:${round}`, () => getPayment(d.id));
  // A cancellation adds no dossier event: the panel reloads itself as well as the dossier.
  const changed = () => {
    setRound((r) => r + 1);
    onChanged();
  };
  const reason = payment.error ? reasonOf(payment.error) : undefined;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Phí, lệ phí">
      <Title order={3} size="h4" mb="sm">
        Phí, lệ phí
      </Title>
      {reason === 'feeNeedsDesk' || reason === 'paymentAccountMissing' ? (
        <Alert color="yellow" variant="light">
          <Text size="sm">{payment.error?.detail}</Text>
          <Text size="sm">Thu tại quầy bằng thao tác «Thu phí, lệ phí».</Text>
        </Alert>
      ) : (
        <ErrorAlert error={payment.error} preferDetail />
      )}
      {payment.data && <Body dossier={d} view={payment.data} onChanged={changed} />}
    </Paper>
  );
}

import { Alert, Anchor, Badge, Button, Loader, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import type { ApiError } from '../../lib/api.ts';
import { formatDateThenTime } from '../../lib/format.ts';
import { asApiError, useApi } from '../../lib/use-api.ts';
import { newIdempotencyKey } from './dossiers.api.ts';
import { FeeLines, TransferDetails } from './payment-transfer.tsx';
import {
  declarePayment,
  formatDong,
  getPayment,
  type PaymentState,
  type PaymentView,
  paymentStateLabel,
} from './payments.api.ts';

const stateColor: Record<PaymentState, string> = {
  free: 'gray',
  due: 'orange',
  requested: 'blue',
  paid: 'green',
  closed: 'gray',
};

function Card({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Title order={3} size="h5" mb="sm" id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** "Tôi đã chuyển khoản": the payer asks the desk to check; one key per visit, so a double tap declares once. */
function Declare({ view, onDone }: { view: PaymentView; onDone: (v: PaymentView) => void }) {
  const [note, setNote] = useState('');
  const [key] = useState(newIdempotencyKey);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();
  const submit = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const payerNote = note.trim();
      onDone(await declarePayment(view.dossierId, payerNote ? { payerNote } : {}, key));
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card title="Sau khi chuyển khoản">
      <Stack gap="sm">
        <Text size="sm">
          Bấm «Tôi đã chuyển khoản» để Bộ phận Một cửa đối chiếu sao kê và xác nhận. Sau khi xác nhận, bạn tải
          được biên lai điện tử tại trang này.
        </Text>
        <Textarea
          label="Ghi chú cho cán bộ (không bắt buộc)"
          placeholder="Ví dụ: chuyển lúc 9 giờ 30 từ tài khoản Vietcombank của Trần Thị Lan"
          size="md"
          autosize
          minRows={2}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <ErrorAlert error={error} preferDetail />
        <Button size="lg" fullWidth loading={saving} onClick={submit}>
          Tôi đã chuyển khoản
        </Button>
      </Stack>
    </Card>
  );
}

/** Where the payment stands, in one sentence; focused after a change so that a screen reader reads it. */
function StateNotice({ view, focus }: { view: PaymentView; focus: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  const p = view.payment;
  const common = { ref, tabIndex: -1, style: { outline: 'none' } } as const;
  switch (view.state) {
    case 'due':
      return p?.status === 'cancelled' ? (
        <Alert {...common} color="yellow" title="Lần báo chuyển khoản trước chưa được xác nhận">
          <Text size="sm">Bộ phận Một cửa chưa thấy khoản tiền: {p.cancelReason}</Text>
          <Text size="sm">Kiểm tra lại giao dịch trong ứng dụng ngân hàng rồi báo lại.</Text>
        </Alert>
      ) : null;
    case 'requested':
      return (
        <Alert {...common} color="blue" title="Đã báo chuyển khoản, chờ xác nhận">
          <Text size="sm">
            Bạn báo đã chuyển khoản lúc {formatDateThenTime(p?.requestedAt)}. Bộ phận Một cửa sẽ đối chiếu sao
            kê và xác nhận; khi đó biên lai điện tử hiện ở đây.
          </Text>
        </Alert>
      );
    case 'paid':
      return p?.status === 'confirmed' ? (
        <Alert {...common} color="green" title="Đã xác nhận nộp phí, lệ phí">
          <Stack gap={4}>
            <Text size="sm">
              Bộ phận Một cửa đã nhận {formatDong(p.amount)} lúc {formatDateThenTime(p.confirmedAt)}.
            </Text>
            <Text size="sm">
              Biên lai số{' '}
              <Text span fw={700} ff="monospace" data-testid="payment-receipt-no">
                {p.receiptNo}
              </Text>
            </Text>
            {p.receiptUrl && (
              <Button
                component="a"
                href={p.receiptUrl}
                download="bien-lai-phi-le-phi.pdf"
                size="md"
                mt="xs"
                fullWidth
              >
                Tải biên lai điện tử
              </Button>
            )}
          </Stack>
        </Alert>
      ) : (
        <Alert {...common} color="green" title="Đã nộp phí, lệ phí">
          <Text size="sm">
            Đã nộp {formatDong(view.collectedAtDesk?.amount ?? 0)} tại Bộ phận Một cửa, biên lai số{' '}
            {view.collectedAtDesk?.receiptNo}.
          </Text>
        </Alert>
      );
    case 'free':
      return (
        <Alert {...common} color="gray" title="Không thu phí, lệ phí">
          <Text size="sm">Thủ tục này không thu phí, lệ phí.</Text>
        </Alert>
      );
    case 'closed':
      return (
        <Alert {...common} color="gray" title="Không cần nộp">
          <Text size="sm">Hồ sơ đã kết thúc xử lý; không nộp phí, lệ phí cho hồ sơ này.</Text>
        </Alert>
      );
  }
}

function Payment({ initial }: { initial: PaymentView }) {
  const [view, setView] = useState(initial);
  const [changed, setChanged] = useState(false);
  useEffect(() => setView(initial), [initial]);
  const showTransfer = view.transfer && (view.state === 'due' || view.state === 'requested');
  return (
    <Stack gap="md">
      <div>
        <Text size="sm" c="dimmed">
          {view.procedureName}
        </Text>
        <Title order={2}>Nộp phí, lệ phí</Title>
        <Text size="sm">
          Hồ sơ{' '}
          <Text span ff="monospace" fw={600} style={{ wordBreak: 'break-all' }}>
            {view.dossierCode}
          </Text>
        </Text>
      </div>
      <Paper withBorder radius="md" p="md">
        <Text size="sm" c="dimmed">
          Số tiền phải nộp
        </Text>
        <Text fz={32} fw={700} lh={1.2} data-testid="payment-amount">
          {formatDong(view.payment?.amount ?? view.transfer?.amount ?? view.fee.total)}
        </Text>
        <Badge
          color={stateColor[view.state]}
          variant="light"
          size="lg"
          mt={6}
          style={{ textTransform: 'none' }}
          data-testid="payment-state"
        >
          {paymentStateLabel[view.state]}
        </Badge>
      </Paper>
      <StateNotice view={view} focus={changed} />
      {showTransfer && view.transfer && (
        <Card title="Chuyển khoản bằng mã VietQR">
          <TransferDetails transfer={view.transfer} />
        </Card>
      )}
      {view.state === 'due' && (
        <Declare
          view={view}
          onDone={(v) => {
            setView(v);
            setChanged(true);
          }}
        />
      )}
      {view.fee.lines.length > 0 && (
        <Card title="Các khoản phải nộp">
          <FeeLines lines={view.fee.lines} total={view.fee.total} />
          {view.fee.channel === 'online' && (
            <Text size="xs" c="dimmed" mt="xs">
              Mức thu áp dụng cho hồ sơ nộp trực tuyến.
            </Text>
          )}
        </Card>
      )}
      {view.fee.note && (
        <Text size="sm" c="dimmed">
          {view.fee.note}
        </Text>
      )}
    </Stack>
  );
}

/** Paying a dossier's fees by bank transfer: the QR, the details to type, "Tôi đã chuyển khoản", the receipt. */
export function PaymentPage() {
  const { id = '' } = useParams();
  const payment = useApi(`payment:${id}`, () => getPayment(id));
  return (
    <Stack gap="md" maw={560} mx="auto" w="100%">
      <Anchor component={Link} to={`/cong-dan/ho-so/${id}`} size="sm">
        ← Thông tin hồ sơ
      </Anchor>
      <ErrorAlert error={payment.error} preferDetail />
      {payment.loading && !payment.data && <Loader aria-label="Đang tải" />}
      {payment.data && <Payment initial={payment.data} />}
    </Stack>
  );
}

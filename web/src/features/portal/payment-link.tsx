import { Button, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useApi } from '../../lib/use-api.ts';
import { formatDong, getPayment, paymentPagePath } from './payments.api.ts';

/**
 * On the citizen's dossier page: the way to the payment page while a fee is due or declared, and to the receipt
 * once confirmed. Nothing for free procedures, ended dossiers, or fees paid only at the desk (a per-page fee, or
 * no collecting account: the GET answers 409 and the desk collects as before).
 */
export function PaymentLink({ dossierId, version }: { dossierId: string; version?: number }) {
  const payment = useApi(`payment-link:${dossierId}:${version ?? 0}`, () => getPayment(dossierId));
  const v = payment.data;
  if (!v) return null;
  const to = paymentPagePath(dossierId);
  switch (v.state) {
    case 'due':
      return (
        <Button component={Link} to={to} size="lg" fullWidth>
          Nộp phí, lệ phí: {formatDong(v.fee.total)}
        </Button>
      );
    case 'requested':
      return (
        <Button component={Link} to={to} size="md" fullWidth variant="light">
          Phí, lệ phí: đã báo chuyển khoản, chờ xác nhận
        </Button>
      );
    case 'paid':
      return v.payment?.status === 'confirmed' ? (
        <Button component={Link} to={to} size="md" fullWidth variant="default">
          Đã nộp phí, lệ phí · Biên lai điện tử
        </Button>
      ) : (
        <Text size="sm">Đã nộp phí, lệ phí tại Bộ phận Một cửa.</Text>
      );
    default:
      return null;
  }
}

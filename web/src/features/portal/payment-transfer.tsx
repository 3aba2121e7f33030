import { Button, Group, Image, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { PaymentView } from './payments.api.ts';
import { formatDong } from './payments.api.ts';

type Transfer = NonNullable<PaymentView['transfer']>;
type FeeLine = PaymentView['fee']['lines'][number];

/**
 * Copies a text to the clipboard. `navigator.clipboard` exists only in secure contexts (an office LAN may serve
 * plain HTTP): there the text is selected in a hidden field and copied the old way.
 */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission): fall back below.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  return ok;
}

/** A value to type into a banking app, with a button that copies it and says so (also to screen readers). */
function CopyLine({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  useEffect(() => {
    if (copied === null) return;
    const t = setTimeout(() => setCopied(null), 3000);
    return () => clearTimeout(t);
  }, [copied]);
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" align="center">
      <div style={{ minWidth: 0 }}>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        <Text fw={700} ff="monospace" style={{ wordBreak: 'break-all' }} data-testid={testId}>
          {value}
        </Text>
      </div>
      <Button
        variant="default"
        size="sm"
        style={{ flexShrink: 0 }}
        aria-label={`${copied === true ? 'Đã sao chép' : 'Sao chép'} ${label.toLowerCase()}`}
        onClick={async () => setCopied(await copyText(value))}
      >
        {copied === true ? 'Đã sao chép' : 'Sao chép'}
      </Button>
      <VisuallyHidden aria-live="polite">
        {copied === true
          ? `Đã sao chép ${label.toLowerCase()}`
          : copied === false
            ? 'Không sao chép được'
            : ''}
      </VisuallyHidden>
    </Group>
  );
}

function Fact({ label, children }: { label: string; children: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{children}</Text>
    </div>
  );
}

/** The fee lines of the pinned version, each with how it was computed. */
export function FeeLines({ lines, total }: { lines: readonly FeeLine[]; total: number }) {
  return (
    <Table verticalSpacing={6} aria-label="Các khoản phí, lệ phí">
      <Table.Tbody>
        {lines.map((l) => (
          <Table.Tr key={l.key}>
            <Table.Td px={0}>
              <Text size="sm">{l.name}</Text>
              {l.explanation && (
                <Text size="xs" c="dimmed">
                  {l.explanation}
                </Text>
              )}
            </Table.Td>
            <Table.Td px={0} ta="right" style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
              <Text size="sm">{formatDong(l.amount)}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Td px={0}>
            <Text size="sm" fw={700}>
              Tổng cộng
            </Text>
          </Table.Td>
          <Table.Td px={0} ta="right" style={{ whiteSpace: 'nowrap' }}>
            <Text size="sm" fw={700}>
              {formatDong(total)}
            </Text>
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

/**
 * How to pay: the VietQR code any banking app scans (account, amount and note filled in), and the same details
 * to type by hand, the account number and the note with a copy button each.
 */
export function TransferDetails({ transfer, qrSize = 260 }: { transfer: Transfer; qrSize?: number }) {
  const bank = transfer.bankName ?? `Mã ngân hàng (BIN) ${transfer.bankBin}`;
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="sm" mx="auto" w="fit-content" bg="white">
        <Image
          src={transfer.qrPng}
          w={qrSize}
          h={qrSize}
          fit="contain"
          alt={`Mã VietQR: chuyển ${formatDong(transfer.amount)} tới tài khoản ${transfer.accountNumber} (${transfer.accountName}), nội dung ${transfer.note}`}
          data-testid="payment-qr"
        />
      </Paper>
      <Text size="sm" ta="center">
        Mở ứng dụng ngân hàng, chọn «Quét mã QR» và quét mã trên. Số tiền và nội dung đã được điền sẵn.
      </Text>
      <Stack gap="sm">
        <Fact label="Ngân hàng">{bank}</Fact>
        <CopyLine label="Số tài khoản" value={transfer.accountNumber} />
        <Fact label="Chủ tài khoản">{transfer.accountName}</Fact>
        <Fact label="Số tiền">{formatDong(transfer.amount)}</Fact>
        <CopyLine label="Nội dung chuyển khoản" value={transfer.note} testId="payment-note" />
      </Stack>
      <Text size="xs" c="dimmed">
        Giữ nguyên nội dung chuyển khoản (có mã hồ sơ) để Bộ phận Một cửa đối chiếu được khoản tiền.
      </Text>
    </Stack>
  );
}

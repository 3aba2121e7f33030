import { Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { FormField, ProcedureVersion } from '../../../../../domain/catalogue/index.ts';
import { resultDeliveryLabel } from '../../../../../domain/dossier/labels.ts';
import type { Agency } from '../../../../../domain/org/agency.ts';
import { formatBytes, formatDate, formatNumber } from '../../../lib/format.ts';
import type { Places } from '../address-fields.tsx';
import { slotsOf } from './documents-step.tsx';
import { type Draft, ownFields, type Problems } from './draft.ts';

function Section(props: {
  title: string;
  step: number;
  onEdit: (step: number) => void;
  children: ReactNode;
}) {
  const id = `review-${props.step}`;
  return (
    <Paper component="section" aria-labelledby={id} withBorder radius="md" p="md">
      <Group justify="space-between" wrap="nowrap" mb="xs">
        <Title order={3} size="h5" id={id}>
          {props.title}
        </Title>
        <Button
          variant="subtle"
          size="sm"
          onClick={() => props.onEdit(props.step)}
          aria-label={`Sửa: ${props.title}`}
        >
          Sửa
        </Button>
      </Group>
      <Stack gap={6}>{props.children}</Stack>
    </Paper>
  );
}

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children || '—'}
      </Text>
    </div>
  );
}

/** A form value as a person reads it: option labels, dd/MM/yyyy, place names. */
function shown(f: FormField, value: unknown, places: Places): string {
  if (value === undefined || value === null || value === '') return '';
  switch (f.type) {
    case 'select': {
      const labels = (Array.isArray(value) ? value : [value]).map(
        (v) => f.options.find((o) => o.value === v)?.label ?? String(v),
      );
      return labels.join(', ');
    }
    case 'date':
      return typeof value === 'string' ? formatDate(value) : '';
    case 'number':
      return typeof value === 'number' ? formatNumber(value) : String(value);
    case 'address':
      return typeof value === 'object' ? places.describe(value as { street: string }) : '';
    default:
      return String(value);
  }
}

interface ReviewStepProps {
  version: ProcedureVersion;
  draft: Draft;
  update: (change: (d: Draft) => Draft) => void;
  problems: Problems;
  desks: readonly Agency[];
  places: Places;
  goTo: (step: number) => void;
}

/** Everything once more, each part with its way back, and the applicant's pledge. */
export function ReviewStep({ version, draft, update, problems, desks, places, goTo }: ReviewStepProps) {
  const a = draft.applicant;
  return (
    <Stack gap="md">
      <Section title="Người nộp hồ sơ" step={0} onEdit={goTo}>
        <Line label="Nơi tiếp nhận">{desks.find((d) => d.id === draft.deskId)?.name}</Line>
        <Line label="Họ, chữ đệm, tên">{a.fullName}</Line>
        <Line label="Số định danh cá nhân">{a.citizenId}</Line>
        <Line label="Số điện thoại">{a.phone}</Line>
        <Line label="Thư điện tử">{a.email}</Line>
        <Line label="Nơi cư trú">{places.describe(a.address)}</Line>
      </Section>
      <Section title="Tờ khai" step={1} onEdit={goTo}>
        {ownFields(version).map((f) => (
          <Line key={f.key} label={f.label}>
            {shown(f, draft.form[f.key], places)}
          </Line>
        ))}
      </Section>
      <Section title="Giấy tờ đính kèm" step={2} onEdit={goTo}>
        {slotsOf(version).map((s) => {
          const files = draft.files[s.slot] ?? [];
          return (
            <Line key={s.slot} label={s.title}>
              {files.length === 0
                ? 'Không có tệp'
                : files.map((f) => `${f.name} (${formatBytes(f.size)})`).join('; ')}
            </Line>
          );
        })}
      </Section>
      <Section title="Nhận kết quả" step={3} onEdit={goTo}>
        <Line label="Cách nhận">{resultDeliveryLabel[draft.delivery]}</Line>
        {draft.delivery === 'post' && <Line label="Địa chỉ nhận">{places.describe(draft.postal)}</Line>}
      </Section>
      <Checkbox
        id="pledge"
        size="md"
        label="Tôi xin cam đoan những thông tin khai trên là đúng sự thật và chịu trách nhiệm trước pháp luật về lời khai của mình."
        checked={draft.pledged}
        error={problems.pledge}
        onChange={(e) => {
          const pledged = e.currentTarget.checked;
          update((d) => ({ ...d, pledged }));
        }}
      />
      <Checkbox
        size="md"
        label="Lưu thông tin người nộp vào tài khoản để lần sau điền sẵn"
        checked={draft.saveToProfile}
        onChange={(e) => {
          const saveToProfile = e.currentTarget.checked;
          update((d) => ({ ...d, saveToProfile }));
        }}
      />
    </Stack>
  );
}

import {
  Checkbox,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { roleLabel, StaffRole } from '../../../../domain/access/roles.ts';
import { StepKind, stepKindLabel, type WorkflowStep } from '../../../../domain/catalogue/index.ts';
import { AgencyKind, agencyKindLabel } from '../../../../domain/org/agency.ts';
import { move, numberOr, optional, removeAt, replaceAt } from './list-edit.ts';
import { RowActions } from './row-actions.tsx';

const kindOptions = StepKind.options.map((k) => ({ value: k, label: stepKindLabel[k] }));
const roleOptions = StaffRole.options.map((r) => ({ value: r, label: roleLabel[r] }));
const agencyKindOptions = AgencyKind.options.map((k) => ({ value: k, label: agencyKindLabel[k] }));

interface StepsTableProps {
  steps: WorkflowStep[];
  onChange: (steps: WorkflowStep[]) => void;
  /** Messages per step index (from the live check and from the server). */
  messages: Map<number, string[]>;
  readOnly: boolean;
}

/** Removing a step also removes the transitions that pointed at it. */
const withoutStep = (steps: WorkflowStep[], i: number): WorkflowStep[] => {
  const key = steps[i]!.key;
  return removeAt(steps, i).map((s) => ({
    ...s,
    next: s.next.filter((k) => k !== key),
    sendBack: s.sendBack.filter((k) => k !== key),
  }));
};

/** The ordered steps: what, who, where, how long, and where the dossier goes next or back. */
export function StepsTable({ steps, onChange, messages, readOnly }: StepsTableProps) {
  const update = (i: number, patch: Partial<WorkflowStep>) =>
    onChange(replaceAt(steps, i, { ...steps[i]!, ...patch }));
  const targets = (i: number) =>
    steps.filter((_, j) => j !== i).map((s) => ({ value: s.key, label: s.name || s.key }));

  return (
    <Table.ScrollContainer minWidth={940}>
      <Table verticalSpacing="sm" withTableBorder aria-label="Các bước của quy trình">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={32}>#</Table.Th>
            <Table.Th>Bước</Table.Th>
            <Table.Th>Người, nơi thực hiện</Table.Th>
            <Table.Th w={130}>Thời gian</Table.Th>
            <Table.Th>Chuyển tiếp, trả lại</Table.Th>
            <Table.Th w={52}>
              <VisuallyHidden>Thứ tự, xóa</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {steps.map((s, i) => {
            const n = i + 1;
            const own = messages.get(i) ?? [];
            return (
              <Table.Tr
                key={s.key}
                style={{ verticalAlign: 'top' }}
                bg={own.length ? 'var(--mantine-color-red-light)' : undefined}
              >
                <Table.Td>
                  <Text fw={600}>{n}</Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={6}>
                    <Textarea
                      aria-label={`Tên bước ${n}`}
                      size="xs"
                      autosize
                      minRows={1}
                      value={s.name}
                      disabled={readOnly}
                      onChange={(e) => update(i, { name: e.currentTarget.value })}
                    />
                    <NativeSelect
                      aria-label={`Loại bước ${n}`}
                      size="xs"
                      data={kindOptions}
                      value={s.kind}
                      disabled={readOnly}
                      onChange={(e) => {
                        const kind = StepKind.parse(e.currentTarget.value);
                        update(i, { kind, ...(kind === 'financialObligation' ? { pausesClock: true } : {}) });
                      }}
                    />
                    <Text size="xs" c="dimmed">
                      Mã: {s.key}
                    </Text>
                    {own.map((m) => (
                      <Text key={m} size="xs" c="red">
                        {m}
                      </Text>
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Stack gap={6}>
                    <NativeSelect
                      aria-label={`Vai trò bước ${n}`}
                      size="xs"
                      data={roleOptions}
                      value={s.role}
                      disabled={readOnly}
                      onChange={(e) => update(i, { role: StaffRole.parse(e.currentTarget.value) })}
                    />
                    <TextInput
                      aria-label={`Bộ phận bước ${n}`}
                      placeholder="Bộ phận, công chức phụ trách"
                      size="xs"
                      value={s.unit ?? ''}
                      disabled={readOnly}
                      onChange={(e) => update(i, { unit: optional(e.currentTarget.value) })}
                    />
                    <NativeSelect
                      aria-label={`Cơ quan thực hiện bước ${n}`}
                      size="xs"
                      data={[
                        { value: 'self', label: 'Tại cơ quan mình' },
                        { value: 'other', label: 'Cơ quan khác (liên thông)' },
                      ]}
                      value={s.agency.ref}
                      disabled={readOnly}
                      onChange={(e) =>
                        update(i, {
                          agency:
                            e.currentTarget.value === 'self'
                              ? { ref: 'self' }
                              : { ref: 'other', kind: 'unit', name: s.unit ?? 'Cơ quan phối hợp' },
                        })
                      }
                    />
                    {s.agency.ref === 'other' && (
                      <>
                        <TextInput
                          aria-label={`Tên cơ quan khác bước ${n}`}
                          size="xs"
                          value={s.agency.name}
                          disabled={readOnly}
                          onChange={(e) =>
                            s.agency.ref === 'other' &&
                            update(i, { agency: { ...s.agency, name: e.currentTarget.value } })
                          }
                        />
                        <NativeSelect
                          aria-label={`Loại cơ quan khác bước ${n}`}
                          size="xs"
                          data={agencyKindOptions}
                          value={s.agency.kind}
                          disabled={readOnly}
                          onChange={(e) =>
                            s.agency.ref === 'other' &&
                            update(i, {
                              agency: { ...s.agency, kind: AgencyKind.parse(e.currentTarget.value) },
                            })
                          }
                        />
                      </>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Stack gap={6}>
                    <NumberInput
                      aria-label={`Số giờ làm việc bước ${n}`}
                      size="xs"
                      value={s.budgetHours}
                      min={0.5}
                      max={3200}
                      step={0.5}
                      decimalScale={1}
                      decimalSeparator=","
                      allowNegative={false}
                      disabled={readOnly}
                      rightSection={<Text size="xs">giờ</Text>}
                      rightSectionWidth={36}
                      onChange={(v) => update(i, { budgetHours: numberOr(v, 0) })}
                    />
                    <Checkbox
                      size="xs"
                      label="Dừng tính thời gian"
                      checked={s.pausesClock}
                      disabled={readOnly}
                      onChange={(e) => update(i, { pausesClock: e.currentTarget.checked })}
                    />
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Stack gap={6}>
                    <MultiSelect
                      label="Chuyển tiếp tới"
                      aria-label={`Bước tiếp theo của bước ${n}`}
                      size="xs"
                      data={targets(i)}
                      value={s.next}
                      disabled={readOnly}
                      onChange={(next) => update(i, { next })}
                    />
                    <MultiSelect
                      label="Trả lại cho"
                      aria-label={`Trả lại bước của bước ${n}`}
                      size="xs"
                      data={targets(i)}
                      value={s.sendBack}
                      disabled={readOnly}
                      onChange={(sendBack) => update(i, { sendBack })}
                    />
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <RowActions
                    name={`bước ${n}`}
                    index={i}
                    count={steps.length}
                    disabled={readOnly}
                    onMove={(d) => onChange(move(steps, i, d))}
                    onRemove={() => onChange(withoutStep(steps, i))}
                    vertical
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { Fee, PageTier, VersionContent } from '../../../../domain/catalogue/index.ts';
import { feeNatureLabel, feePerLabel } from '../../../../domain/catalogue/labels.ts';
import type { FieldErrors } from '../../lib/form.ts';
import { freshKey, move, numberOr, optional, removeAt, replaceAt } from './list-edit.ts';
import { RowActions } from './row-actions.tsx';
import type { SetContent } from './use-draft-editor.ts';

const options = <K extends string>(labels: Record<K, string>) =>
  Object.entries<string>(labels).map(([value, label]) => ({ value, label }));

/** Money in whole đồng, grouped the Vietnamese way (50.000). */
function MoneyInput(props: {
  label: string;
  value: number | undefined;
  onChange: (v: number | undefined) => void;
  error?: string | undefined;
}) {
  return (
    <NumberInput
      label={props.label}
      value={props.value ?? ''}
      onChange={(v) => props.onChange(v === '' ? undefined : numberOr(v, 0))}
      error={props.error}
      thousandSeparator="."
      decimalSeparator=","
      allowDecimal={false}
      allowNegative={false}
      rightSection={<Text size="xs">đ</Text>}
    />
  );
}

const commonOf = (f: Fee) => ({
  key: f.key,
  name: f.name,
  nature: f.nature,
  condition: f.condition,
  freeConditions: f.freeConditions,
  legalBasis: f.legalBasis,
  note: f.note,
});

/** Changes how a fee is counted, keeping its name and the first amount. */
const withPer = (f: Fee, per: Fee['per']): Fee => {
  const first = f.per === 'page' ? (f.tiers[0]?.amount ?? 0) : f.amount;
  return per === 'page'
    ? { ...commonOf(f), per, tiers: [{ fromPage: 1, amount: first }] }
    : { ...commonOf(f), per, amount: first };
};

function TiersEditor(props: {
  tiers: PageTier[];
  onChange: (t: PageTier[]) => void;
  error?: string | undefined;
  prefix: string;
}) {
  const { tiers, onChange } = props;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Mức thu theo trang
      </Text>
      {tiers.map((t, j) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: tiers are ordered by position.
        <Group key={j} gap="xs" align="flex-end" wrap="nowrap">
          <NumberInput
            label="Từ trang thứ"
            value={t.fromPage}
            min={1}
            allowDecimal={false}
            w={120}
            onChange={(v) => onChange(replaceAt(tiers, j, { ...t, fromPage: numberOr(v, 1) }))}
          />
          <MoneyInput
            label="Mức thu mỗi trang"
            value={t.amount}
            onChange={(v) => onChange(replaceAt(tiers, j, { ...t, amount: v ?? 0 }))}
          />
          <ActionIcon
            variant="light"
            color="red"
            mb={4}
            aria-label={`Xóa ${props.prefix} bậc ${j + 1}`}
            disabled={tiers.length === 1}
            onClick={() => onChange(removeAt(tiers, j))}
          >
            ✕
          </ActionIcon>
        </Group>
      ))}
      {props.error && (
        <Text c="red" size="sm">
          {props.error}
        </Text>
      )}
      <Group>
        <Button
          variant="subtle"
          size="xs"
          onClick={() =>
            onChange([...tiers, { fromPage: (tiers[tiers.length - 1]?.fromPage ?? 0) + 1, amount: 0 }])
          }
        >
          Thêm bậc
        </Button>
      </Group>
    </Stack>
  );
}

function FeeFields({
  fee,
  onChange,
  errors,
  at,
}: {
  fee: Fee;
  onChange: (f: Fee) => void;
  errors: FieldErrors;
  at: string;
}) {
  const e = (k: string) => errors[`${at}.${k}`];
  if (fee.per === 'page') {
    return (
      <Stack gap="xs">
        <TiersEditor
          prefix={fee.name}
          tiers={fee.tiers}
          onChange={(tiers) => onChange({ ...fee, tiers })}
          error={e('tiers')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <MoneyInput
            label="Tối thiểu mỗi bản"
            value={fee.minPerCopy}
            onChange={(v) => onChange({ ...fee, minPerCopy: v })}
          />
          <MoneyInput
            label="Tối đa mỗi bản"
            value={fee.maxPerCopy}
            error={e('maxPerCopy')}
            onChange={(v) => onChange({ ...fee, maxPerCopy: v })}
          />
        </SimpleGrid>
      </Stack>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
      <MoneyInput
        label="Mức thu"
        value={fee.amount}
        error={e('amount')}
        onChange={(v) => onChange({ ...fee, amount: v ?? 0 })}
      />
      <MoneyInput
        label="Mức thu khi nộp trực tuyến (nếu khác)"
        value={fee.onlineAmount}
        error={e('onlineAmount')}
        onChange={(v) => onChange({ ...fee, onlineAmount: v })}
      />
    </SimpleGrid>
  );
}

/** The fee items (lệ phí, phí) and the note for what the data cannot carry. */
export function FeesTab(props: {
  content: VersionContent;
  set: SetContent;
  errors: FieldErrors;
  readOnly: boolean;
}) {
  const { content, set, errors, readOnly } = props;
  const fees = content.fees;
  const update = (i: number, fee: Fee) => set('fees', replaceAt(fees, i, fee));
  const add = () =>
    set('fees', [
      ...fees,
      {
        key: freshKey(
          'fee',
          fees.map((f) => f.key),
        ),
        name: '',
        nature: 'fee',
        per: 'case',
        amount: 0,
        freeConditions: [],
      },
    ]);
  return (
    <Stack gap="md">
      {fees.length === 0 && (
        <Text size="sm" c="dimmed">
          Chưa có khoản thu nào: thủ tục miễn phí, trừ khi ghi chú dưới đây nói khác.
        </Text>
      )}
      {fees.map((fee, i) => {
        const at = `fees.${i}`;
        return (
          <Fieldset key={fee.key} legend={`Khoản thu ${i + 1}`} p="sm" disabled={readOnly}>
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="xs">
                <TextInput
                  label="Tên khoản thu"
                  value={fee.name}
                  error={errors[`${at}.name`]}
                  onChange={(e) => update(i, { ...fee, name: e.currentTarget.value })}
                  style={{ gridColumn: 'span 2' }}
                />
                <NativeSelect
                  label="Loại"
                  data={options(feeNatureLabel)}
                  value={fee.nature}
                  onChange={(e) => update(i, { ...fee, nature: e.currentTarget.value as Fee['nature'] })}
                />
                <NativeSelect
                  label="Cách tính"
                  data={options(feePerLabel)}
                  value={fee.per}
                  onChange={(e) => update(i, withPer(fee, e.currentTarget.value as Fee['per']))}
                />
              </SimpleGrid>
              <FeeFields fee={fee} at={at} errors={errors} onChange={(f) => update(i, f)} />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                <TextInput
                  label="Chỉ áp dụng khi (để trống: luôn áp dụng)"
                  value={fee.condition ?? ''}
                  onChange={(e) => update(i, { ...fee, condition: optional(e.currentTarget.value) })}
                />
                <TagsInput
                  label="Trường hợp miễn"
                  description="Gõ rồi nhấn Enter để thêm"
                  value={fee.freeConditions}
                  onChange={(freeConditions) => update(i, { ...fee, freeConditions })}
                />
                <TextInput
                  label="Căn cứ thu"
                  value={fee.legalBasis ?? ''}
                  onChange={(e) => update(i, { ...fee, legalBasis: optional(e.currentTarget.value) })}
                />
                <TextInput
                  label="Ghi chú"
                  value={fee.note ?? ''}
                  onChange={(e) => update(i, { ...fee, note: optional(e.currentTarget.value) })}
                />
              </SimpleGrid>
              <Group justify="flex-end">
                <RowActions
                  name={`khoản thu ${i + 1}`}
                  index={i}
                  count={fees.length}
                  disabled={readOnly}
                  onMove={(d) => set('fees', move(fees, i, d))}
                  onRemove={() => set('fees', removeAt(fees, i))}
                />
              </Group>
            </Stack>
          </Fieldset>
        );
      })}
      {!readOnly && (
        <Group>
          <Button variant="light" size="xs" onClick={add}>
            Thêm khoản thu
          </Button>
        </Group>
      )}
      <Textarea
        label="Ghi chú về phí, lệ phí"
        description="Cho những mức thu do Hội đồng nhân dân tỉnh quy định hoặc không ghi được thành số"
        autosize
        minRows={2}
        value={content.feeNote ?? ''}
        error={errors.feeNote}
        disabled={readOnly}
        onChange={(e) => set('feeNote', optional(e.currentTarget.value))}
      />
    </Stack>
  );
}

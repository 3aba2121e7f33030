import { Button, Group, Radio, Stack, Text } from '@mantine/core';
import type { ProcedureVersion } from '../../../../../domain/catalogue/index.ts';
import { resultDeliveryLabel } from '../../../../../domain/dossier/labels.ts';
import type { ResultDelivery } from '../../../../../domain/dossier/status.ts';
import { AddressFields, type Places } from '../address-fields.tsx';
import type { Draft, Problems } from './draft.ts';

const explanation: Record<ResultDelivery, string> = {
  counter: 'Đến Bộ phận Một cửa nơi tiếp nhận vào ngày hẹn trả, mang theo căn cước.',
  post: 'Bưu điện chuyển kết quả tới địa chỉ bạn ghi dưới đây (cước do người nhận trả theo giá bưu chính).',
  electronic: 'Tải bản điện tử của kết quả trong «Hồ sơ của tôi».',
};

/** The ways the result can come back; electronic only when the version issues an electronic result. */
export const deliveryOptions = (v: ProcedureVersion): ResultDelivery[] => [
  'counter',
  'post',
  ...(v.resultDocuments.some((r) => r.electronic) ? (['electronic'] as const) : []),
];

interface DeliveryStepProps {
  version: ProcedureVersion;
  draft: Draft;
  update: (change: (d: Draft) => Draft) => void;
  problems: Problems;
  places: Places;
}

export function DeliveryStep({ version, draft, update, problems, places }: DeliveryStepProps) {
  const options = deliveryOptions(version);
  return (
    <Stack gap="md">
      <Radio.Group
        label="Cách nhận kết quả"
        withAsterisk
        value={draft.delivery}
        onChange={(value) => update((d) => ({ ...d, delivery: value as ResultDelivery }))}
      >
        <Stack gap="sm" mt="xs">
          {options.map((o) => (
            <Radio.Card key={o} value={o} radius="md" p="md">
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator />
                <div>
                  <Text fw={600}>{resultDeliveryLabel[o]}</Text>
                  <Text size="sm" c="dimmed">
                    {explanation[o]}
                  </Text>
                </div>
              </Group>
            </Radio.Card>
          ))}
        </Stack>
      </Radio.Group>
      {draft.delivery === 'post' && (
        <Stack gap="xs">
          <AddressFields
            legend="Địa chỉ nhận kết quả qua bưu điện"
            value={draft.postal}
            onChange={(postal) => update((d) => ({ ...d, postal }))}
            errors={{
              provinceCode: problems['postal.provinceCode'],
              communeCode: problems['postal.communeCode'],
              street: problems['postal.street'],
            }}
            places={places}
            codesRequired
            idPrefix="postal"
          />
          <Button
            variant="subtle"
            size="sm"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => update((d) => ({ ...d, postal: { ...d.applicant.address } }))}
          >
            Dùng địa chỉ nơi cư trú
          </Button>
        </Stack>
      )}
    </Stack>
  );
}

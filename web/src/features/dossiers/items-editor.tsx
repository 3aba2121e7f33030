import { Button, CloseButton, Group, Stack, Text, TextInput } from '@mantine/core';

export interface ItemDraft {
  name: string;
  detail: string;
}

export const emptyItem = (): ItemDraft => ({ name: '', detail: '' });

/** Lines as the API takes them: blank lines dropped, an empty detail left out. */
export const itemsOf = (items: readonly ItemDraft[]) =>
  items
    .filter((i) => i.name.trim() !== '')
    .map((i) => ({ name: i.name.trim(), ...(i.detail.trim() ? { detail: i.detail.trim() } : {}) }));

interface ItemsEditorProps {
  label: string;
  items: ItemDraft[];
  onChange: (items: ItemDraft[]) => void;
  error?: string | undefined;
}

/** The list of documents to supplement or complete: each with what is missing or wrong. */
export function ItemsEditor({ label, items, onChange, error }: ItemsEditorProps) {
  const update = (i: number, patch: Partial<ItemDraft>) =>
    onChange(items.map((item, j) => (j === i ? { ...item, ...patch } : item)));
  return (
    <Stack gap={6} role="group" aria-label={label}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity besides their place.
        <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
          <Text size="sm" c="dimmed" pt={6} w={20}>
            {i + 1}.
          </Text>
          <TextInput
            aria-label={`Tên giấy tờ ${i + 1}`}
            placeholder="Tên giấy tờ"
            value={item.name}
            onChange={(e) => update(i, { name: e.currentTarget.value })}
            style={{ flex: 2 }}
          />
          <TextInput
            aria-label={`Nội dung cần bổ sung ${i + 1}`}
            placeholder="Nội dung cần bổ sung, hoàn thiện"
            value={item.detail}
            onChange={(e) => update(i, { detail: e.currentTarget.value })}
            style={{ flex: 3 }}
          />
          <CloseButton
            aria-label={`Bỏ dòng ${i + 1}`}
            mt={4}
            disabled={items.length === 1}
            onClick={() => onChange(items.filter((_, j) => j !== i))}
          />
        </Group>
      ))}
      {error && (
        <Text c="red" size="sm">
          {error}
        </Text>
      )}
      <Button
        variant="subtle"
        size="xs"
        onClick={() => onChange([...items, emptyItem()])}
        style={{ alignSelf: 'flex-start' }}
      >
        + Thêm giấy tờ
      </Button>
    </Stack>
  );
}

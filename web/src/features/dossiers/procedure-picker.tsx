import { Group, Loader, Paper, Stack, Text, TextInput } from '@mantine/core';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { ProcedureSummary } from '../../../../domain/catalogue/listing.ts';
import { listProcedures } from '../catalogue/catalogue.api.ts';

interface ProcedurePickerProps {
  picked: ProcedureSummary | null;
  onPick: (procedure: ProcedureSummary | null) => void;
  error?: string | undefined;
}

const shown = (p: ProcedureSummary) => `${p.nationalCode} — ${p.name}`;
const MAX = 8;

/**
 * Search-as-you-type over the public listing (the server folds diacritics): arrows move, Enter picks the
 * highlighted match (the first one unless moved), Escape closes. Enter typed before the answer for the latest
 * text arrives waits for it, so a fast officer never gets the match of what they typed before.
 */
export function ProcedurePicker({ picked, onPick, error }: ProcedurePickerProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [results, setResults] = useState<{ for: string; items: ProcedureSummary[] }>({ for: '', items: [] });
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const pendingEnter = useRef(false);
  const query = text.trim();
  const settled = results.for === query;

  useEffect(() => {
    if (picked || query === '') return;
    let current = true;
    const timer = setTimeout(() => {
      listProcedures({ q: query, limit: MAX })
        .then(({ items }) => {
          if (current) setResults({ for: query, items });
        })
        .catch(() => current && setResults({ for: query, items: [] }));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, picked]);

  const pick = (p: ProcedureSummary | undefined) => {
    pendingEnter.current = false;
    if (!p) return;
    setOpen(false);
    setText(shown(p));
    onPick(p);
  };

  // An Enter pressed while the answer was on its way.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the answer for the text arrives.
  useEffect(() => {
    if (pendingEnter.current && settled) pick(results.items[0]);
  }, [results, settled]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const n = results.items.length;
      if (n > 0) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      if (picked || query === '') return;
      if (settled) pick(results.items[active] ?? results.items[0]);
      else pendingEnter.current = true;
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  const listId = `${id}-list`;
  const visible = open && !picked && query !== '';
  return (
    <Stack gap={4} pos="relative">
      <TextInput
        label="Thủ tục hành chính"
        description="Gõ tên hoặc mã thủ tục (có dấu hoặc không dấu), Enter để chọn"
        placeholder="Ví dụ: nhan cha me con, 1.001022"
        autoFocus
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={visible}
        aria-controls={listId}
        aria-activedescendant={visible && results.items[active] ? `${listId}-${active}` : undefined}
        value={text}
        error={error}
        rightSection={!settled && query !== '' && !picked ? <Loader size="xs" /> : null}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setActive(0);
          setOpen(true);
          if (picked) onPick(null);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {visible && (
        <Paper
          withBorder
          shadow="md"
          radius="sm"
          pos="absolute"
          top="100%"
          left={0}
          right={0}
          style={{ zIndex: 20 }}
        >
          <Stack gap={0} component="ul" role="listbox" id={listId} aria-label="Thủ tục phù hợp" m={0} p={4}>
            {settled && results.items.length === 0 && (
              <Text component="li" size="sm" c="dimmed" p="xs" style={{ listStyle: 'none' }}>
                Không tìm thấy thủ tục phù hợp
              </Text>
            )}
            {results.items.map((p, i) => (
              <Group
                key={p.nationalCode}
                component="li"
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                gap="xs"
                wrap="nowrap"
                p="xs"
                style={{
                  listStyle: 'none',
                  cursor: 'pointer',
                  borderRadius: 4,
                  background: i === active ? 'var(--mantine-color-blue-light)' : undefined,
                }}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(p);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <Text ff="monospace" size="sm" c="dimmed">
                  {p.nationalCode}
                </Text>
                <Text size="sm" style={{ flex: 1 }}>
                  {p.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {p.limitText}
                </Text>
              </Group>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

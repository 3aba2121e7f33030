import { Alert, Anchor, Badge, Button, Group, List, Paper, Stack, Tabs, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ProcedureVersion } from '../../../../domain/catalogue/index.ts';
import { ChecklistTab } from './checklist-tab.tsx';
import { describePath, EDITOR_TABS, type EditorTab, editorTabLabel, tabOfPath } from './error-paths.ts';
import { FeesTab } from './fees-tab.tsx';
import { FormTab } from './form-tab.tsx';
import { GeneralTab } from './general-tab.tsx';
import { AgenciesTab, ResultsTab } from './results-tab.tsx';
import { useDraftEditor } from './use-draft-editor.ts';

/** " — Thành phần hồ sơ 3, tên", unless the message already starts by naming the place. */
const placeOf = (path: string, message: string): string => {
  const place = describePath(path);
  return path === '' || message.startsWith(place) ? '' : ` — ${place}`;
};

interface DraftEditorProps {
  code: string;
  /** The open draft, or the published version a first save turns into a new draft. */
  base: ProcedureVersion;
  readOnly: boolean;
  onSaved: (v: ProcedureVersion) => void;
  onDirtyChange: (dirty: boolean) => void;
}

/** The content of the draft in six tabs, saved together; the server's messages point back to their inputs. */
export function DraftEditor({ code, base, readOnly, onSaved, onDirtyChange }: DraftEditorProps) {
  const editor = useDraftEditor(code, base, onSaved);
  const [tab, setTab] = useState<EditorTab>('general');
  const [savedNotice, setSavedNotice] = useState(false);
  const dirty = editor.changed.length > 0;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const problems = editor.failure?.errors ?? [];
  const count = (t: EditorTab) => problems.filter((e) => tabOfPath(e.path) === t).length;
  const props = { content: editor.content, set: editor.set, errors: editor.errors, readOnly };
  const isNewDraft = editor.saved.status !== 'draft';

  const save = async () => {
    setSavedNotice(false);
    const refusal = await editor.save();
    setSavedNotice(refusal === undefined);
    const first = refusal?.errors[0];
    if (first) setTab(tabOfPath(first.path));
  };

  return (
    <Stack gap="md">
      {isNewDraft && !readOnly && (
        <Alert color="blue" variant="light">
          Phiên bản {editor.saved.version} đang công bố không sửa được. Lần lưu đầu tiên sẽ tạo dự thảo phiên
          bản {editor.saved.version + 1} từ nội dung này.
        </Alert>
      )}
      {editor.failure && (
        <Alert
          color="red"
          variant="light"
          title={`Chưa lưu được dự thảo: ${editor.failure.title}`}
          role="alert"
        >
          {problems.length === 0 && editor.failure.detail && <Text size="sm">{editor.failure.detail}</Text>}
          {problems.length > 0 && (
            <List size="sm" mt={4}>
              {problems.map((e) => (
                <List.Item key={`${e.path}:${e.message}`}>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => setTab(tabOfPath(e.path))}
                  >
                    {editorTabLabel[tabOfPath(e.path)]}
                  </Anchor>
                  {placeOf(e.path, e.message)}: {e.message}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      {!readOnly && (
        <Paper
          withBorder
          radius="md"
          p="sm"
          style={{ position: 'sticky', top: 68, zIndex: 5 }}
          shadow={dirty ? 'md' : undefined}
        >
          <Group justify="space-between" gap="sm">
            <Text size="sm" c={dirty ? undefined : 'dimmed'} aria-live="polite">
              {dirty
                ? `Có thay đổi chưa lưu (${editor.changed.length} mục)`
                : savedNotice
                  ? `Đã lưu dự thảo phiên bản ${editor.saved.version}.`
                  : 'Không có thay đổi chưa lưu.'}
            </Text>
            <Group gap="xs">
              <Button variant="default" disabled={!dirty || editor.saving} onClick={editor.discard}>
                Bỏ thay đổi
              </Button>
              <Button onClick={save} loading={editor.saving} disabled={!dirty}>
                Lưu dự thảo
              </Button>
            </Group>
          </Group>
        </Paper>
      )}
      <Tabs value={tab} onChange={(t) => t && setTab(t as EditorTab)} variant="pills" keepMounted={false}>
        <Tabs.List aria-label="Nội dung dự thảo">
          {EDITOR_TABS.map((t) => (
            <Tabs.Tab
              key={t}
              value={t}
              rightSection={
                count(t) > 0 ? (
                  <Badge color="red" size="xs" circle aria-label={`${count(t)} lỗi`}>
                    {count(t)}
                  </Badge>
                ) : undefined
              }
            >
              {editorTabLabel[t]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Paper withBorder radius="md" p="md" mt="sm">
          <Tabs.Panel value="general">
            <GeneralTab {...props} />
          </Tabs.Panel>
          <Tabs.Panel value="fees">
            <FeesTab {...props} />
          </Tabs.Panel>
          <Tabs.Panel value="checklist">
            <ChecklistTab {...props} />
          </Tabs.Panel>
          <Tabs.Panel value="form">
            <FormTab {...props} />
          </Tabs.Panel>
          <Tabs.Panel value="results">
            <ResultsTab {...props} />
          </Tabs.Panel>
          <Tabs.Panel value="agencies">
            <AgenciesTab {...props} />
          </Tabs.Panel>
        </Paper>
      </Tabs>
    </Stack>
  );
}

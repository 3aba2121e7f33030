import { Alert, Anchor, Badge, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ProcedureVersion } from '../../../../domain/catalogue/index.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDate } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { listAdminProcedures, listVersions } from './catalogue-admin.api.ts';
import { DraftEditor } from './draft-editor.tsx';
import { PublishForm } from './publish-form.tsx';
import { useCanEditCatalogue } from './use-can-edit.ts';
import { VersionHistory } from './version-history.tsx';
import { WorkflowsPanel } from './workflows-panel.tsx';

type PageTab = 'draft' | 'publish' | 'history' | 'workflows';

/** `/admin/procedures/:code`: the draft editor, publication, version history with diffs, and workflows. */
export function ProcedureAdminPage() {
  const { code = '' } = useParams();
  const canEdit = useCanEditCatalogue();
  const versions = useApi(`catalogue-admin:versions:${code}`, () => listVersions(code));
  const list = useApi('catalogue-admin:list', listAdminProcedures);
  const [tab, setTab] = useState<PageTab>('draft');
  const [dirty, setDirty] = useState(false);
  const [notice, setNotice] = useState<string>();
  const onDirtyChange = useCallback((d: boolean) => setDirty(d), []);

  const back = (
    <Anchor component={Link} to="/admin/procedures" size="sm">
      ← Danh mục thủ tục
    </Anchor>
  );
  const all = versions.data;
  if (!all) {
    return (
      <Stack gap="md">
        {back}
        <ErrorAlert error={versions.error} />
        {versions.loading && <Loader aria-label="Đang tải" />}
      </Stack>
    );
  }

  const summary = list.data?.find((p) => p.nationalCode === code);
  const draft = all.find((v) => v.status === 'draft');
  const published = all.find((v) => v.status === 'published');
  const editable = draft ?? published;

  const onSaved = (v: ProcedureVersion) => {
    if (!draft) setNotice(`Đã tạo dự thảo phiên bản ${v.version}.`);
    versions.reload();
    list.reload();
  };
  const onPublished = (v: ProcedureVersion) => {
    setNotice(
      `Đã công bố phiên bản ${v.version}${v.effectiveFrom ? `, có hiệu lực từ ngày ${formatDate(v.effectiveFrom)}` : ''}.`,
    );
    setTab('history');
    versions.reload();
    list.reload();
  };

  return (
    <Stack gap="md">
      {back}
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          Mã thủ tục{' '}
          <Text span ff="monospace" size="sm">
            {code}
          </Text>
          {summary ? ` · ${summary.sector.name}` : ''}
        </Text>
        <Title order={2}>{summary?.name ?? `Thủ tục ${code}`}</Title>
        <Group gap="xs">
          {published ? (
            <Badge color="green" variant="light" tt="none">
              Đang công bố: phiên bản {published.version}
              {published.effectiveFrom ? ` từ ${formatDate(published.effectiveFrom)}` : ''}
            </Badge>
          ) : (
            <Badge color="gray" variant="light" tt="none">
              Chưa công bố
            </Badge>
          )}
          {draft && (
            <Badge color="orange" variant="light" tt="none">
              Dự thảo phiên bản {draft.version}
            </Badge>
          )}
        </Group>
      </Stack>
      {!canEdit && (
        <Alert color="gray" variant="light">
          Chỉ quản trị viên cấp tỉnh được sửa, công bố thủ tục và quy trình; bạn đang xem ở chế độ chỉ đọc.
        </Alert>
      )}
      {notice && (
        <Alert
          color="green"
          variant="light"
          withCloseButton
          onClose={() => setNotice(undefined)}
          role="status"
        >
          {notice}
        </Alert>
      )}
      <Tabs value={tab} onChange={(t) => t && setTab(t as PageTab)}>
        <Tabs.List aria-label="Quản lý thủ tục">
          <Tabs.Tab value="draft">Soạn dự thảo</Tabs.Tab>
          <Tabs.Tab value="publish">Công bố</Tabs.Tab>
          <Tabs.Tab value="history">Lịch sử phiên bản</Tabs.Tab>
          <Tabs.Tab value="workflows">Quy trình nội bộ</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="draft" pt="md">
          {editable ? (
            <DraftEditor
              key={`${editable.version}:${editable.status}`}
              code={code}
              base={editable}
              readOnly={!canEdit}
              onSaved={onSaved}
              onDirtyChange={onDirtyChange}
            />
          ) : (
            <Alert color="gray" variant="light">
              Thủ tục đã bãi bỏ: không còn phiên bản để sửa.
            </Alert>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="publish" pt="md">
          {canEdit ? (
            <PublishForm
              key={draft?.version ?? 0}
              code={code}
              draft={draft}
              published={published}
              dirty={dirty}
              onPublished={onPublished}
            />
          ) : (
            <Text size="sm" c="dimmed">
              Chỉ quản trị viên cấp tỉnh được công bố thủ tục.
            </Text>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <VersionHistory key={`${all[0]?.version}:${all[0]?.status}`} versions={all} />
        </Tabs.Panel>
        <Tabs.Panel value="workflows" pt="md">
          {/* A published or saved limit changes what the workflows must fit in: load them again. */}
          <WorkflowsPanel
            key={JSON.stringify([published?.version, draft?.version, draft?.localLimit])}
            code={code}
            readOnly={!canEdit}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

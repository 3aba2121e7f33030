import { Alert, Button, FileButton, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import type { ApiError } from '../../lib/api.ts';
import { formatNumber } from '../../lib/format.ts';
import { asApiError } from '../../lib/use-api.ts';
import { EXPORT_URL, type ImportResult, importWorkbook } from './catalogue-admin.api.ts';

/** `Phí, lệ phí!7:Mức thu (đồng)` → "Trang «Phí, lệ phí», dòng 7, cột «Mức thu (đồng)»" (the server names each cell). */
export const cellText = (path: string): string => {
  const m = /^(.+)!(\d+)(?::(.+))?$/.exec(path);
  if (!m) return path;
  return `Trang «${m[1]}», dòng ${m[2]}${m[3] ? `, cột «${m[3]}»` : ''}`;
};

/** Uploading a workbook: under way, taken (with its counts) or refused (with every bad cell). */
export function useWorkbookImport(onImported: () => void) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult>();
  const [failure, setFailure] = useState<ApiError>();
  const upload = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    setResult(undefined);
    setFailure(undefined);
    try {
      setResult(await importWorkbook(file));
      onImported();
    } catch (e) {
      setFailure(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const clear = () => {
    setResult(undefined);
    setFailure(undefined);
  };
  return { busy, result, failure, upload, clear };
}
type WorkbookImport = ReturnType<typeof useWorkbookImport>;

/** Download the catalogue as a workbook; upload one back (all rows or none). */
export function ImportExportButtons({ state, canImport }: { state: WorkbookImport; canImport: boolean }) {
  return (
    <Group gap="xs">
      <Button component="a" href={EXPORT_URL} download variant="default">
        Tải danh mục (Excel)
      </Button>
      {canImport && (
        <FileButton onChange={state.upload} accept=".xlsx">
          {(props) => (
            <Button {...props} loading={state.busy} variant="light">
              Nhập từ tệp Excel
            </Button>
          )}
        </FileButton>
      )}
    </Group>
  );
}

/** What the last upload did: the counts, or the refused cells one per line. */
export function ImportOutcome({ state }: { state: WorkbookImport }) {
  const { result, failure } = state;
  return (
    <>
      {result && (
        <Alert
          color="green"
          variant="light"
          title="Đã nhập danh mục"
          withCloseButton
          onClose={state.clear}
          role="status"
        >
          {formatNumber(result.procedures)} thủ tục mới, {formatNumber(result.versions)} phiên bản mới,{' '}
          {formatNumber(result.updated)} cập nhật, {formatNumber(result.unchanged)} không đổi.
        </Alert>
      )}
      {failure && <ErrorAlert error={failure} isShownInline={() => true} />}
      {failure && failure.errors.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped withTableBorder verticalSpacing={4} aria-label="Lỗi trong tệp Excel">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={340}>Vị trí</Table.Th>
                <Table.Th>Lỗi</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {failure.errors.map((e) => (
                <Table.Tr key={`${e.path}:${e.message}`}>
                  <Table.Td>
                    <Text size="sm">{cellText(e.path)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.message}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}

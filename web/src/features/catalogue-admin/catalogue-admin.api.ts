import { z } from 'zod';
import { ProcedureAdminSummary, WorkflowList } from '../../../../domain/catalogue/admin.ts';
import {
  type Decision,
  ProcedureVersion,
  type VersionChange,
  Workflow,
} from '../../../../domain/catalogue/index.ts';
import { api } from '../../lib/api.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const path = (code: string) => `/api/catalogue/procedures/${encodeURIComponent(code)}`;

/** The whole catalogue as a workbook: a plain link downloads it with the session cookie. */
export const EXPORT_URL = '/api/catalogue/export.xlsx';

export const listAdminProcedures = async (): Promise<ProcedureAdminSummary[]> =>
  (await api.get('/api/catalogue/procedures', z.object({ items: z.array(ProcedureAdminSummary) }))).items;

/** Every version of a procedure, newest first. */
export const listVersions = async (code: string): Promise<ProcedureVersion[]> =>
  (await api.get(`${path(code)}/versions`, z.object({ items: z.array(ProcedureVersion) }))).items;

/** Edits the draft; the first change to a published procedure creates it (version + 1). */
export const saveDraft = (code: string, change: VersionChange) =>
  api.patch(`${path(code)}/draft`, change, ProcedureVersion);

export const publishDraft = (code: string, body: { decision: Decision; effectiveFrom?: string }) =>
  api.post(`${path(code)}/draft/publish`, body, ProcedureVersion);

export const listWorkflows = (code: string) => api.get(`${path(code)}/workflows`, WorkflowList);

export const saveWorkflow = (code: string, workflow: Workflow) =>
  api.put(`${path(code)}/workflows`, workflow, Workflow);

export const ImportResult = z.object({
  procedures: z.number(),
  versions: z.number(),
  updated: z.number(),
  unchanged: z.number(),
});
export type ImportResult = z.infer<typeof ImportResult>;

/** Sends a workbook; a bad row refuses the whole file and the problem lists every error with its cell. */
export const importWorkbook = (file: File) =>
  api.post('/api/catalogue/import', new Blob([file], { type: XLSX_TYPE }), ImportResult);

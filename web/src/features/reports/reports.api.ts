import {
  Dashboard,
  type DashboardQuery,
  type DrillColumn,
  DrillList,
} from '../../../../domain/dashboard/dashboard.ts';
import { SatisfactionReport } from '../../../../domain/dashboard/satisfaction.ts';
import { EvaluationReport } from '../../../../domain/indices/evaluation.ts';
import { ServiceIndex } from '../../../../domain/indices/service-index.ts';
import { api } from '../../lib/api.ts';

const qs = (params: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

/** Biểu 06 numbers, rates and series of an agency subtree for a period. */
export const getDashboard = (q: DashboardQuery) => api.get(`/api/dashboards/overview?${qs(q)}`, Dashboard);

export type DrillParams = DashboardQuery & { column: DrillColumn; scope?: 'own' | 'subtree' };

/** The dossiers behind one number. */
export const getDrillList = (p: DrillParams, limit: number, offset: number) =>
  api.get(`/api/dashboards/dossiers?${qs({ ...p, limit, offset })}`, DrillList);

/**
 * Where a number of the dashboard leads: the list of its dossiers. `dashboardAgencyId` is the agency of the
 * dashboard it was opened from (when a unit's number was chosen), for the way back.
 */
export const drillHref = (p: DrillParams, dashboardAgencyId?: string): string =>
  `/bao-cao/ho-so?${qs({
    agencyId: p.agencyId,
    from: p.from,
    to: p.to,
    column: p.column,
    ...(p.scope === 'own' ? { scope: 'own' } : {}),
    ...(dashboardAgencyId && dashboardAgencyId !== p.agencyId ? { bang: dashboardAgencyId } : {}),
  })}`;

/** Biểu 06 of the same agency and period as an Excel workbook (GET /api/reports/form06.xlsx). */
export const form06XlsxUrl = (q: DashboardQuery, groupBy: 'agency' | 'sector' = 'agency'): string =>
  `/api/reports/form06.xlsx?${qs({ ...q, groupBy })}`;

/** The same Biểu 06 as a PDF to print and sign (GET /api/reports/form06.pdf). */
export const form06PdfUrl = (q: DashboardQuery, groupBy: 'agency' | 'sector' = 'agency'): string =>
  `/api/reports/form06.pdf?${qs({ ...q, groupBy })}`;

/** Decision 766 for the same agency and period. */
export const getServiceIndex = (q: DashboardQuery) => api.get(`/api/indices/766?${qs(q)}`, ServiceIndex);

/** Decree 61/2018 evaluation of the agency and its officers for a quarter. */
export const getEvaluation = (agencyId: string, year: number, quarter: number) =>
  api.get(`/api/indices/evaluation?${qs({ agencyId, year, quarter })}`, EvaluationReport);

/** The four rating questions by unit, procedure and officer. */
export const getSatisfaction = (q: DashboardQuery) =>
  api.get(`/api/dashboards/satisfaction?${qs(q)}`, SatisfactionReport);

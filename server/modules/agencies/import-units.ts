import { parse } from 'csv-parse/sync';
import {
  parseUnitRows,
  provinceKey,
  REQUIRED_COLUMNS,
  type RowError,
} from '../../../domain/org/unit-import.ts';
import type { Ctx } from '../../context.ts';
import { withTransaction } from '../../db/tx.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import * as repo from './agencies.repository.ts';

export type ImportReport = {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  createdProvinces: number;
  errors: RowError[];
};

export type ImportOptions = { createProvinces?: boolean; onProgress?: (done: number, total: number) => void };

/**
 * Imports communes from the GSO list. All or nothing: when any row is invalid (bad code, unknown province,
 * duplicate) nothing is written and every error is reported with its line.
 */
export async function importUnits(ctx: Ctx, csv: string, opts: ImportOptions = {}): Promise<ImportReport> {
  const report: ImportReport = {
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    createdProvinces: 0,
    errors: [],
  };
  let records: Record<string, string>[];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
  } catch (e) {
    report.errors.push({
      line: 0,
      field: 'file',
      message: `Tệp CSV không đọc được: ${(e as Error).message}`,
    });
    return report;
  }
  const header = Object.keys(records[0] ?? {});
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (records.length > 0 && missing.length) {
    report.errors.push({ line: 1, field: 'header', message: `Thiếu cột: ${missing.join(', ')}` });
    return report;
  }
  const { rows, errors } = parseUnitRows(records);
  report.rows = records.length;
  report.errors = errors;

  const provinces = new Map(
    (await repo.listAgencies(ctx.db))
      .filter((a) => a.kind === 'province')
      .map((a) => [provinceKey(a.name), a]),
  );
  if (!opts.createProvinces) {
    for (const r of rows) {
      if (!provinces.has(provinceKey(r.provinceName))) {
        report.errors.push({
          line: r.line,
          field: 'tinh',
          message: `Không có tỉnh, thành phố "${r.provinceName}"`,
        });
      }
    }
  }
  if (report.errors.length) return { ...report, errors: report.errors.sort((a, b) => a.line - b.line) };

  await withTransaction(ctx.db, async (tx) => {
    let done = 0;
    for (const r of rows) {
      const key = provinceKey(r.provinceName);
      let province = provinces.get(key);
      if (!province) {
        province = await repo.insertAgency(
          tx,
          { parentId: null, name: r.provinceName, kind: 'province', localKind: null },
          undefined,
        );
        provinces.set(key, province);
        report.createdProvinces++;
      }
      const existing = await repo.findAgencyByGso(tx, 'commune', r.gsoCode);
      if (!existing) {
        await repo.insertAgency(
          tx,
          {
            parentId: province.id,
            name: r.name,
            kind: 'commune',
            localKind: r.localKind,
            gsoCode: r.gsoCode,
          },
          province,
        );
        report.created++;
      } else if (existing.name !== r.name || existing.localKind !== r.localKind) {
        await repo.updateAgency(tx, existing.id, { name: r.name, localKind: r.localKind });
        report.updated++;
      } else {
        report.unchanged++;
      }
      opts.onProgress?.(++done, rows.length);
    }
    await recordAudit(tx, ctx, {
      action: 'agency.importUnits',
      targetType: 'agency',
      details: { ...report, errors: undefined },
    });
  });
  return report;
}

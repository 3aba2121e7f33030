import { describe, expect, it } from 'vitest';
import { SEED_CATALOGUE } from '../../data/catalogue/index.ts';
import { CatalogueEntry } from './entry.ts';
import { isWithinLimit, workingHoursOf } from './limits.ts';
import { validateWorkflow, workflowHours } from './workflow.ts';

const entries = SEED_CATALOGUE.map((raw) => {
  const parsed = CatalogueEntry.safeParse(raw);
  return { raw, parsed };
});

describe('seed catalogue (data/catalogue)', () => {
  it('has at least 25 procedures with unique national codes', () => {
    expect(entries.length).toBeGreaterThanOrEqual(25);
    const codes = SEED_CATALOGUE.map((e) => e.procedure.nationalCode);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each(entries.map((e) => [e.raw.procedure.nationalCode, e] as const))('%s parses', (_code, e) => {
    expect(e.parsed.error?.issues ?? []).toEqual([]);
    expect(e.parsed.success).toBe(true);
  });

  it.each(entries.map((e) => [e.raw.procedure.nationalCode, e] as const))(
    '%s: workflow fits the local limit, which is within the legal one',
    (_code, e) => {
      const entry = e.parsed.data!;
      expect(validateWorkflow(entry.workflow, entry.version.localLimit)).toEqual([]);
      expect(isWithinLimit(entry.version.localLimit, entry.version.legalLimit)).toBe(true);
      expect(workflowHours(entry.workflow)).toBeLessThanOrEqual(workingHoursOf(entry.version.localLimit));
      expect(entry.workflow.steps.at(-1)?.kind).toBe('return');
    },
  );

  it('carries the codes named in DOMAIN §2 with their sectors', () => {
    const sectorOf = new Map(
      entries.map((e) => [e.parsed.data!.procedure.nationalCode, e.parsed.data!.procedure.sector.code]),
    );
    expect(sectorOf.get('1.001193')).toBe('civilStatus');
    expect(sectorOf.get('1.000894')).toBe('civilStatus');
    expect(sectorOf.get('1.000656')).toBe('civilStatus');
    expect(sectorOf.get('2.000815')).toBe('certification');
    expect(sectorOf.get('1.004222')).toBe('residence');
    expect(sectorOf.get('1.004194')).toBe('residence');
  });

  it('covers every seeded sector', () => {
    const sectors = new Set(entries.map((e) => e.parsed.data!.procedure.sector.code));
    expect([...sectors].sort()).toEqual(
      ['businessHousehold', 'certification', 'civilStatus', 'residence', 'socialProtection'].sort(),
    );
  });

  it('shortens a limit of two working days or more by at least 30% and never lengthens it', () => {
    for (const { parsed } of entries) {
      const { legalLimit, localLimit } = parsed.data!.version;
      if ('workingDays' in legalLimit && legalLimit.workingDays >= 2) {
        expect(workingHoursOf(localLimit), parsed.data!.procedure.name).toBeLessThanOrEqual(
          workingHoursOf(legalLimit) * 0.7,
        );
      }
    }
  });

  it('ships every version as a draft the province publishes by its own decision', () => {
    for (const { parsed } of entries) expect(parsed.data!.version.status).toBe('draft');
  });

  it('links every file upload of an online form to a checklist item, and online procedures have forms', () => {
    for (const { parsed } of entries) {
      const v = parsed.data!.version;
      if (v.onlineLevel !== 'none') expect(v.onlineForm?.fields.length ?? 0).toBeGreaterThan(0);
      for (const f of v.onlineForm?.fields ?? []) {
        if (f.type === 'file') expect(v.requiredDocuments.map((d) => d.key)).toContain(f.requiredDocumentKey);
      }
    }
  });

  it('marks unverified codes with a confirm note instead of asserting them', () => {
    const confirmed = entries.filter((e) =>
      e.parsed.data!.procedure.confirm.some((n) => n.field === 'nationalCode'),
    );
    const codes = confirmed.map((e) => e.parsed.data!.procedure.nationalCode);
    expect(codes).not.toContain('1.001193');
    expect(codes).toContain('1.004206');
    for (const { parsed } of entries) {
      for (const note of [...parsed.data!.procedure.confirm, ...parsed.data!.version.confirm]) {
        expect(note.note.length).toBeGreaterThan(10);
      }
    }
  });
});

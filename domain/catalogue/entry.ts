/**
 * A catalogue entry as shipped in data/catalogue/: a procedure, its current version and the default workflow
 * for the agency kind that implements it. The server imports entries through this schema.
 */
import { z } from 'zod';
import { Procedure, ProcedureVersion } from './procedure.ts';
import { validateWorkflow, Workflow } from './workflow.ts';

export const CatalogueEntry = z
  .strictObject({ procedure: Procedure, version: ProcedureVersion, workflow: Workflow })
  .superRefine((entry, ctx) => {
    const code = entry.procedure.nationalCode;
    if (entry.version.nationalCode !== code) {
      ctx.addIssue({
        code: 'custom',
        path: ['version', 'nationalCode'],
        message: `Phiên bản không thuộc thủ tục ${code}`,
      });
    }
    if (entry.workflow.nationalCode !== code) {
      ctx.addIssue({
        code: 'custom',
        path: ['workflow', 'nationalCode'],
        message: `Quy trình không thuộc thủ tục ${code}`,
      });
    }
    for (const issue of validateWorkflow(entry.workflow, entry.version.localLimit)) {
      ctx.addIssue({ code: 'custom', path: ['workflow', ...issue.path.split('.')], message: issue.message });
    }
  });
export type CatalogueEntry = z.infer<typeof CatalogueEntry>;
export type CatalogueEntryInput = z.input<typeof CatalogueEntry>;

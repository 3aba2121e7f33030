/**
 * The dossier forms of Circular 01/2018/TT-VPCP as PDF (and the dossier log as .xlsx): pure functions from a fully
 * resolved data object (forms.types.ts) to bytes. No database, no clock: the caller passes every date.
 *
 * 01 renderReceipt · 02 renderSupplementGuidance · 03 renderRefusal · 04 renderApology · 05 renderControlSheet ·
 * 06 renderDossierLog (PDF, landscape) and renderDossierLogXlsx.
 */
export { renderDossierLogXlsx } from './dossier-log.xlsx.ts';
export { CONTROL_SHEET_TITLE, renderControlSheet } from './form-control-sheet.ts';
export { DOSSIER_LOG_TITLE, renderDossierLog } from './form-dossier-log.ts';
export {
  APOLOGY_TITLE,
  REFUSAL_TITLE,
  renderApology,
  renderRefusal,
  renderSupplementGuidance,
  SUPPLEMENT_TITLE,
} from './form-notices.ts';
export { RECEIPT_TITLE, renderReceipt } from './form-receipt.ts';
export type * from './forms.types.ts';

/**
 * Writes the six dossier forms (Circular 01/2018/TT-VPCP) filled with sample data, plus the dossier log as .xlsx,
 * into a folder to look at: `npx tsx scripts/render-sample-forms.ts [folder]` (default .tmp/forms).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  sampleApology,
  sampleControlSheet,
  sampleDossierLog,
  sampleReceipt,
  sampleRefusal,
  sampleSupplement,
} from '../server/pdf/forms.samples.ts';
import {
  renderApology,
  renderControlSheet,
  renderDossierLog,
  renderDossierLogXlsx,
  renderReceipt,
  renderRefusal,
  renderSupplementGuidance,
} from '../server/pdf/forms.ts';

const dir = path.resolve(process.argv[2] ?? '.tmp/forms');
await fs.mkdir(dir, { recursive: true });

const files: [string, Promise<Buffer>][] = [
  ['01-giay-tiep-nhan.pdf', renderReceipt(sampleReceipt())],
  ['02-phieu-yeu-cau-bo-sung.pdf', renderSupplementGuidance(sampleSupplement())],
  ['03-phieu-tu-choi.pdf', renderRefusal(sampleRefusal())],
  ['04-phieu-xin-loi.pdf', renderApology(sampleApology())],
  ['05-phieu-kiem-soat.pdf', renderControlSheet(sampleControlSheet())],
  ['06-so-theo-doi-ho-so.pdf', renderDossierLog(sampleDossierLog(40))],
  ['06-so-theo-doi-ho-so.xlsx', renderDossierLogXlsx(sampleDossierLog(40))],
];
for (const [name, bytes] of files) {
  const file = path.join(dir, name);
  await fs.writeFile(file, await bytes);
  console.log(`wrote ${file}`);
}

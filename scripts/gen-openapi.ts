/**
 * Writes docs/openapi.json from the route schemas (`npm run gen`); with `--check`, fails when the committed file is
 * stale (run by `npm run check`, so CI catches a route change without a regenerated document).
 */
import fs from 'node:fs/promises';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { systemClock } from '../server/context.ts';
import type { Db } from '../server/db/client.ts';

const file = new URL('../docs/openapi.json', import.meta.url);
// Building the document reads route schemas only; no request runs, so no database is opened.
const app = await buildApp(
  {
    db: undefined as unknown as Db,
    dbKind: 'pglite',
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    clock: systemClock,
  },
  { serveWeb: false, logger: false },
);
await app.ready();
const doc = `${JSON.stringify(app.swagger(), null, 2)}\n`;
await app.close();
if (process.argv.includes('--check')) {
  const current = await fs.readFile(file, 'utf8').catch(() => '');
  if (current !== doc) {
    console.error('docs/openapi.json is stale: run `npm run gen` and commit it.');
    process.exit(1);
  }
  console.log('docs/openapi.json is up to date.');
} else {
  await fs.writeFile(file, doc);
  console.log('wrote docs/openapi.json');
}

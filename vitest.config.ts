import { defineConfig } from 'vitest/config';

// Unit + integration suites. Each worker owns one database (PGlite restored from a snapshot, or a
// fresh schema on PostgreSQL), so workers are capped: a PGlite instance is large (~0.6 GB).
export default defineConfig({
  test: {
    include: ['domain/**/*.test.ts', 'server/**/*.test.ts'],
    globalSetup: ['server/test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});

import { defineConfig } from 'vitest/config';

// Browser journeys: one server and one Chromium per file, files one after another (a PGlite instance and a
// browser together take well over a gigabyte).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

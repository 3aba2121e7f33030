#!/usr/bin/env node
// The `motcua` command: runs the TypeScript CLI through tsx (see docs/adr/0002-run-typescript-with-tsx.md).
import { register } from 'tsx/esm/api';

register();
await import('../server/cli.ts');

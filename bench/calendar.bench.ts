/**
 * Calendar bench: 1,000,000 due-date computations (random receipt instants over 2020–2029; 75% limits of
 * 1..30 working days, 25% limits of 1..30 working hours), explanations included.
 * Run: npx tsx bench/calendar.bench.ts
 */
import {
  addWorkingDays,
  addWorkingHours,
  buildCalendar,
  OFFICIAL_NOTICES,
} from '../domain/calendar/index.ts';

const COUNT = 1_000_000;

/** Small deterministic PRNG (xorshift32) so runs are comparable. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
}

const buildStart = performance.now();
const cal = buildCalendar({ fromYear: 2020, toYear: 2030, notices: OFFICIAL_NOTICES });
const buildMs = performance.now() - buildStart;

const from = Date.parse('2020-01-01T00:00:00+07:00');
const to = Date.parse('2029-12-31T23:59:59+07:00');
const next = random(20250129);
const receipts: Date[] = new Array(COUNT);
const limits = new Int32Array(COUNT);
const inHours = new Uint8Array(COUNT);
for (let i = 0; i < COUNT; i++) {
  receipts[i] = new Date(from + Math.floor(next() * (to - from)));
  limits[i] = 1 + Math.floor(next() * 30);
  inHours[i] = next() < 0.25 ? 1 : 0;
}

// Warm-up (JIT), then the measured run.
for (let i = 0; i < 20_000; i++) addWorkingDays(cal, receipts[i]!, limits[i]!);
let checksum = 0;
const start = performance.now();
for (let i = 0; i < COUNT; i++) {
  const r = inHours[i]
    ? addWorkingHours(cal, receipts[i]!, limits[i]!)
    : addWorkingDays(cal, receipts[i]!, limits[i]!);
  checksum = (checksum + Math.floor(r.dueAt.getTime() / 60_000) + r.explanation.length) % 1_000_000_007;
}
const totalMs = performance.now() - start;

console.log(`calendar build 2020–2030: ${buildMs.toFixed(1)} ms`);
console.log(`${COUNT.toLocaleString('en-US')} due dates: ${totalMs.toFixed(0)} ms total`);
console.log(`${Math.round((COUNT / totalMs) * 1000).toLocaleString('en-US')} ops/s (checksum ${checksum})`);

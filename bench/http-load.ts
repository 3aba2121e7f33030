/**
 * Closed-loop HTTP load from a worker thread: `clients` loops, each sending the next GET and waiting for its
 * answer, so the server's thread spends its time serving and not generating load. Returns each latency in ms.
 */
import { Worker } from 'node:worker_threads';

const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { base, paths, clients, requests } = workerData;
const latencies = [];
let sent = 0;
const loop = async () => {
  while (sent < requests) {
    const path = paths[sent++ % paths.length];
    const s = performance.now();
    const res = await fetch(base + path);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error('GET ' + path + ': ' + res.status);
    latencies.push(performance.now() - s);
  }
};
Promise.all(Array.from({ length: clients }, loop)).then(
  () => parentPort.postMessage(latencies),
  (e) => { throw e; },
);
`;

export type LoadResult = { seconds: number; rate: number; pct: (p: number) => number };

export async function runLoad(o: {
  base: string;
  paths: readonly string[];
  clients: number;
  requests: number;
}): Promise<LoadResult> {
  const t0 = performance.now();
  const latencies = await new Promise<number[]>((resolve, reject) => {
    const worker = new Worker(SOURCE, { eval: true, workerData: { ...o, paths: [...o.paths] } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    seconds,
    rate: o.requests / seconds,
    pct: (p) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!,
  };
}

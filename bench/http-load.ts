/**
 * Closed-loop HTTP load from a worker thread: `clients` loops, each sending the next GET and waiting for its
 * answer, so the server's thread spends its time serving and not generating load. Returns each latency in ms.
 */
import { Worker } from 'node:worker_threads';

const SOURCE = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { base, paths, clients, requests } = workerData;
const url = new URL(base);
// node:http with keep-alive: much lighter per request than fetch, so the generator is not the bottleneck.
const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
const get = (path) =>
  new Promise((resolve, reject) => {
    const req = http.get({ host: url.hostname, port: url.port, path, agent }, (res) => {
      res.on('data', () => {});
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error('GET ' + path + ': ' + res.statusCode))));
    });
    req.on('error', reject);
  });
const latencies = [];
let sent = 0;
const loop = async () => {
  while (sent < requests) {
    const path = paths[sent++ % paths.length];
    const s = performance.now();
    await get(path);
    latencies.push(performance.now() - s);
  }
};
Promise.all(Array.from({ length: clients }, loop)).then(
  () => { agent.destroy(); parentPort.postMessage(latencies); },
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

/**
 * HTTP load from a worker thread, so the server's thread spends its time serving and not generating load.
 * Returns each latency in ms.
 *
 * Closed loop (default): `clients` loops, each sending the next request as soon as its answer came — a saturation
 * test: latency there is mostly queueing (≈ clients ÷ throughput).
 * Open loop (`ratePerSecond`): requests start on a fixed schedule over at most `clients` connections whatever the
 * answers do, and each latency is measured from its scheduled start (so a stalled server is charged for the
 * requests it delayed, not only for the ones it answered: no coordinated omission).
 */
import { Worker } from 'node:worker_threads';

const SOURCE = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { base, paths, clients, requests, post, ratePerSecond } = workerData;
const url = new URL(base);
// node:http with keep-alive: much lighter per request than fetch, so the generator is not the bottleneck.
const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
const get = (path) =>
  new Promise((resolve, reject) => {
    const options = { host: url.hostname, port: url.port, path, agent, method: post ? 'POST' : 'GET', headers: post?.headers };
    const req = http.request(options, (res) => {
      let text = '';
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => (res.statusCode === (post ? 201 : 200) ? resolve() : reject(new Error(options.method + ' ' + path + ': ' + res.statusCode + ' ' + text))));
    });
    req.on('error', reject);
    req.end(post?.body);
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
const openLoop = () =>
  new Promise((resolve, reject) => {
    const t0 = performance.now();
    const interval = 1000 / ratePerSecond;
    let started = 0;
    let done = 0;
    const tick = () => {
      const now = performance.now();
      while (started < requests && t0 + started * interval <= now) {
        const scheduled = t0 + started * interval;
        const path = paths[started++ % paths.length];
        get(path).then(() => {
          latencies.push(performance.now() - scheduled);
          if (++done === requests) resolve();
        }, reject);
      }
      if (started < requests) setTimeout(tick, Math.max(0, t0 + started * interval - performance.now()));
    };
    tick();
  });
(ratePerSecond ? openLoop() : Promise.all(Array.from({ length: clients }, loop))).then(
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
  /** Open loop at this many requests per second (see above); closed loop when absent. */
  ratePerSecond?: number;
  /** Every request is this POST (expects 201) instead of a GET (expects 200). */
  post?: { body: string; headers: Record<string, string> };
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

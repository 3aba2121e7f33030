/**
 * An app process for the reliability tests: `motcua start` as a child process on a given PostgreSQL database and
 * port, so that a test can kill it (SIGKILL: no shutdown code runs) and start it again on the same address.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export type AppProcess = Readonly<{
  url: string;
  /** Starts the process (again) and waits until it answers. */
  start(): Promise<void>;
  /** SIGKILL, then waits for the exit. */
  kill(): Promise<void>;
  /** SIGTERM (a clean stop), then waits for the exit. */
  stop(): Promise<void>;
  /** What the process wrote on stderr (kept for a failure message). */
  stderr(): string;
}>;

export function appProcess(o: Readonly<{ port: number; env: Record<string, string> }>): AppProcess {
  const url = `http://127.0.0.1:${o.port}`;
  let child: ChildProcess | undefined;
  let errors = '';
  const exited = (c: ChildProcess) =>
    c.exitCode !== null || c.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => c.once('exit', () => resolve()));

  async function waitHealthy() {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child?.exitCode !== null && child?.exitCode !== undefined) {
        throw new Error(`motcua exited with ${child.exitCode}:\n${errors.slice(-3000)}`);
      }
      try {
        const res = await fetch(`${url}/healthz`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`motcua did not answer within 60 s:\n${errors.slice(-3000)}`);
  }

  return {
    url,
    async start() {
      child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'start'], {
        cwd: root,
        env: { ...process.env, ...o.env, PORT: String(o.port), HOST: '127.0.0.1' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      child.stderr?.on('data', (d: Buffer) => {
        errors = (errors + d.toString()).slice(-20_000);
      });
      await waitHealthy();
    },
    async kill() {
      if (!child) return;
      const c = child;
      c.kill('SIGKILL');
      await exited(c);
    },
    async stop() {
      if (!child) return;
      const c = child;
      c.kill('SIGTERM');
      await exited(c);
    },
    stderr: () => errors,
  };
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

/**
 * A local SMTP server for tests (notification worker, browser journeys): keeps every message as raw MIME, and
 * refuses recipients while `state.rejecting` is set. With just enough MIME reading for nodemailer's messages.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { to: string[]; raw: string };

export async function startMailbox() {
  const received: ReceivedMail[] = [];
  const state = { rejecting: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!state.rejecting) return callback();
      return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { server, received, state, url: `smtp://127.0.0.1:${port}` };
}
export type Mailbox = Awaited<ReturnType<typeof startMailbox>>;

/** Quoted-printable, as nodemailer writes Vietnamese text. */
export const qp = (s: string) =>
  Buffer.from(
    s
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
    'latin1',
  ).toString('utf8');

const decodeWords = (s: string) =>
  s
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?[^?]+\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : qp(data.replace(/_/g, ' ')),
    );

/** Subject, motcua notification id and the decoded text of every part. */
export function readMail(raw: string) {
  const headers = raw.slice(0, raw.search(/\r?\n\r?\n/)).replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(headers)?.[1] ?? '';
  let body = '';
  for (const part of raw.split(/\r?\n--[^\r\n]+/)) {
    const start = part.search(/\r?\n\r?\n/);
    if (start < 0) continue;
    const content = part.slice(start).trim();
    const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(part.slice(0, start))?.[1]?.toLowerCase();
    body += `${encoding === 'base64' ? Buffer.from(content.replace(/\s/g, ''), 'base64').toString('utf8') : encoding === 'quoted-printable' ? qp(content) : content}\n`;
  }
  return { subject: decodeWords(header('subject')), id: header('x-motcua-notification'), body };
}

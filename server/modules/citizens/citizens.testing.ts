/** Test helpers for citizen accounts: the code is read from the outbox message, as the citizen would read it. */
import { desc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { normaliseIdentifier } from '../../../domain/citizen/account.ts';
import { outbox } from '../../db/schema.ts';
import type { TestApp } from '../../test/harness.ts';
import { renderCitizenNotice } from './citizens.templates.ts';

export const CITIZEN_PASSWORD = 'MatKhau@2026';

/** The newest message queued to `recipient`, rendered, and the 6-digit code it carries. */
export async function lastCodeMessage(t: TestApp, recipient: string) {
  const [row] = await t.db
    .select()
    .from(outbox)
    .where(eq(outbox.recipient, recipient))
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  if (!row) throw new Error(`no message queued to ${recipient}`);
  const message = renderCitizenNotice(row.template, row.payload);
  if (!message) throw new Error(`not a code message: ${row.template}`);
  const text = row.channel === 'sms' ? message.short : message.text;
  const code = /\b(\d{6})\b/.exec(text)?.[1];
  if (!code) throw new Error(`no code in: ${text}`);
  return { row, message, code };
}

export const post = (t: TestApp, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, payload });

/** A client bound to the session a sign-in or confirmation opened (cookie + CSRF token on every write). */
export function sessionOf(t: TestApp, res: LightMyRequestResponse) {
  if (res.statusCode !== 200 && res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'motcua_session')!.value;
  const csrf = res.json().csrfToken as string;
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      payload,
      cookies: { motcua_session: cookie },
      headers: method === 'GET' ? {} : { 'x-csrf-token': csrf },
    });
  return {
    cookie,
    csrf,
    account: res.json().account as {
      id: string;
      fullName: string;
      phone: string | null;
      email: string | null;
    },
    get: (url: string) => call('GET', url),
    post: (url: string, body: object = {}) => call('POST', url, body),
    put: (url: string, body: object) => call('PUT', url, body),
  };
}

/** Signs up, confirms with the code from the outbox, and returns the signed-in session. */
export async function registerCitizen(
  t: TestApp,
  identifier: string,
  fullName = 'Nguyễn Văn An',
  password = CITIZEN_PASSWORD,
) {
  const started = await post(t, '/api/citizen/sign-up', { identifier, fullName, password });
  if (started.statusCode !== 202) throw new Error(`sign-up ${started.statusCode} ${started.body}`);
  const { challengeId } = started.json();
  const { code } = await lastCodeMessage(t, normaliseIdentifier(identifier));
  return sessionOf(t, await post(t, '/api/citizen/confirm', { challengeId, code }));
}

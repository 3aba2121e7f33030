import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenCodes, outbox, sessions, users } from '../../db/schema.ts';
import { expectProblem, makeTestApp, type TestApp } from '../../test/harness.ts';
import { CITIZEN_PASSWORD, lastCodeMessage, post, registerCitizen, sessionOf } from './citizens.testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ citizenCodeRatePerMinute: 1000, citizenConfirmRatePerMinute: 1000 });
});
afterAll(() => t.close());

const MINUTE = 60_000;
const signUp = (identifier: string, fullName = 'Trần Thị Bình', password = CITIZEN_PASSWORD) =>
  post(t, '/api/citizen/sign-up', { identifier, fullName, password });
const confirm = (challengeId: string, code: string) => post(t, '/api/citizen/confirm', { challengeId, code });
const signIn = (identifier: string, password = CITIZEN_PASSWORD) =>
  post(t, '/api/citizen/sign-in', { identifier, password });
const citizensWith = (phone: string) =>
  t.db
    .select()
    .from(users)
    .where(and(eq(users.kind, 'citizen'), eq(users.phone, phone)));
/** A code that is certainly not `code`. */
type Problem = ReturnType<typeof expectProblem>;
const other = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('sign-up by phone, confirmed by the code sent by SMS', () => {
  it('runs from sign-up to sign-out: code from the outbox message, confirm, sign in, profile, sign out', async () => {
    const started = await signUp('+84 912 345 678', 'Nguyễn Văn An');
    expect(started.statusCode).toBe(202);
    const sent = started.json();
    expect(sent).toMatchObject({ channel: 'sms', sentTo: '091****678' });
    expect(new Date(sent.expiresAt).getTime() - t.clock.now().getTime()).toBe(10 * MINUTE);
    // Pending: no account yet, so nobody can sign in with the number.
    expect(await citizensWith('0912345678')).toEqual([]);
    expectProblem(await signIn('0912345678'), 401, 'UNAUTHENTICATED');

    const { row, message, code } = await lastCodeMessage(t, '0912345678');
    expect(row).toMatchObject({ channel: 'sms', template: 'citizen.signUpCode', status: 'pending' });
    expect(message.short).toMatch(/^\d{6} là mã xác nhận đăng ký tài khoản Dịch vụ công, hiệu lực 10 phút/);
    // Only a hash of the code is kept with the request.
    const [stored] = await t.db.select().from(citizenCodes).where(eq(citizenCodes.id, sent.challengeId));
    expect(stored!.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(code);

    const confirmed = await confirm(sent.challengeId, code);
    expect(confirmed.statusCode).toBe(201);
    const first = sessionOf(t, confirmed);
    expect(first.account).toMatchObject({ fullName: 'Nguyễn Văn An', phone: '0912345678', email: null });
    expect((await first.get('/api/citizen/me')).json().account.id).toBe(first.account.id);
    const [account] = await citizensWith('0912345678');
    expect(account).toMatchObject({ kind: 'citizen', username: `citizen:${account!.id}` });
    const [used] = await t.db.select().from(citizenCodes).where(eq(citizenCodes.id, sent.challengeId));
    expect(used).toMatchObject({ passwordHash: null });
    expect(used!.consumedAt).not.toBeNull();
    expect((await first.post('/api/citizen/sign-out')).statusCode).toBe(204);
    expectProblem(await first.get('/api/citizen/me'), 401, 'UNAUTHENTICATED');
    // A code works once.
    expect(expectProblem(await confirm(sent.challengeId, code), 400, 'BAD_REQUEST')).toMatchObject({
      reason: 'codeUsed',
    });

    const me = sessionOf(t, await signIn('0912 345 678'));
    const saved = await me.put('/api/citizen/profile', {
      fullName: 'Nguyễn Văn An',
      dateOfBirth: '1990-05-01',
      sex: 'male',
      citizenId: '001090012345',
      phone: '0912345678',
      address: { street: 'Số 1 Tràng Tiền' },
    });
    expect(saved.statusCode).toBe(200);
    expect((await me.get('/api/citizen/profile')).json()).toMatchObject({
      citizenId: '001090012345',
      address: { street: 'Số 1 Tràng Tiền' },
    });
    expect((await me.post('/api/citizen/sign-out')).statusCode).toBe(204);
    expectProblem(await me.get('/api/citizen/profile'), 401, 'UNAUTHENTICATED');
    const live = await t.db.select().from(sessions).where(eq(sessions.userId, account!.id));
    expect(live).toEqual([]);
  });

  it('signs up by e-mail: the code goes by e-mail, the address is kept lower-case', async () => {
    const started = await signUp('  Binh.Tran@Example.VN ');
    expect(started.json()).toMatchObject({ channel: 'email', sentTo: 'bi***@example.vn' });
    const { row, message, code } = await lastCodeMessage(t, 'binh.tran@example.vn');
    expect(row.channel).toBe('email');
    expect(message.subject).toBe('Mã xác nhận đăng ký tài khoản Dịch vụ công');
    expect(message.text).toContain(code);
    const s = sessionOf(t, await confirm(started.json().challengeId, code));
    expect(s.account).toMatchObject({ email: 'binh.tran@example.vn', phone: null });
    expect((await signIn('BINH.TRAN@example.vn')).statusCode).toBe(200);
  });
});

describe('one-time codes', () => {
  it('allows five wrong tries, then only a new code helps', async () => {
    const sent = (await signUp('0987000001')).json();
    const { code } = await lastCodeMessage(t, '0987000001');
    const left: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await confirm(sent.challengeId, other(code));
      const p = expectProblem(res, 400, 'VALIDATION') as Problem & { attemptsLeft: number; reason: string };
      expect(p.reason).toBe('codeInvalid');
      expect(p.errors).toEqual([{ path: 'code', message: 'Mã xác nhận không đúng' }]);
      left.push(p.attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);
    const exhausted = expectProblem(await confirm(sent.challengeId, code), 400, 'BAD_REQUEST');
    expect(exhausted).toMatchObject({ reason: 'codeAttemptsExhausted' });
    expect(exhausted.detail).toBe('Đã nhập sai mã xác nhận quá số lần cho phép, vui lòng yêu cầu gửi lại mã');
    expect(await citizensWith('0987000001')).toEqual([]);

    t.clock.advance(MINUTE + 1000);
    const again = await post(t, '/api/citizen/resend-code', { challengeId: sent.challengeId });
    expect(again.statusCode).toBe(200);
    const fresh = await lastCodeMessage(t, '0987000001');
    expect((await confirm(sent.challengeId, fresh.code)).statusCode).toBe(201);
  });

  it('expires after ten minutes', async () => {
    const sent = (await signUp('0987000002')).json();
    const { code } = await lastCodeMessage(t, '0987000002');
    t.clock.advance(10 * MINUTE);
    const p = expectProblem(await confirm(sent.challengeId, code), 400, 'BAD_REQUEST');
    expect(p).toMatchObject({
      reason: 'codeExpired',
      detail: 'Mã xác nhận đã hết hạn, vui lòng yêu cầu gửi lại mã',
    });
    expect(await citizensWith('0987000002')).toEqual([]);
  });

  it('resends only after the cooldown; the new code replaces the old one', async () => {
    const sent = (await signUp('0987000003')).json();
    const first = await lastCodeMessage(t, '0987000003');
    const tooSoon = await post(t, '/api/citizen/resend-code', { challengeId: sent.challengeId });
    expect(expectProblem(tooSoon, 429, 'RATE_LIMITED')).toMatchObject({
      reason: 'codeCooldown',
      retryAfterSeconds: 60,
      detail: 'Vui lòng chờ 60 giây rồi yêu cầu gửi lại mã',
    });
    // A second sign-up cannot be used to get round the cooldown either.
    expectProblem(await signUp('0987000003'), 429, 'RATE_LIMITED');
    t.clock.advance(MINUTE);
    const resent = await post(t, '/api/citizen/resend-code', { challengeId: sent.challengeId });
    expect(resent.json()).toMatchObject({ challengeId: sent.challengeId, channel: 'sms' });
    const second = await lastCodeMessage(t, '0987000003');
    expect(second.row.id).not.toBe(first.row.id);
    if (second.code !== first.code) {
      expectProblem(await confirm(sent.challengeId, first.code), 400, 'VALIDATION');
    }
    expect((await confirm(sent.challengeId, second.code)).statusCode).toBe(201);
  });

  it('caps the codes sent to one recipient in a day', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await signUp('0987000004')).statusCode).toBe(202);
      t.clock.advance(MINUTE);
    }
    expect(expectProblem(await signUp('0987000004'), 429, 'RATE_LIMITED')).toMatchObject({
      reason: 'codeDailyLimit',
    });
    t.clock.advance(24 * 60 * MINUTE);
    expect((await signUp('0987000004')).statusCode).toBe(202);
  });

  it('answers an unknown request id with 404', async () => {
    const res = await confirm('00000000-0000-4000-8000-000000000000', '123456');
    expect(expectProblem(res, 404, 'NOT_FOUND')).toMatchObject({ reason: 'codeNotFound' });
  });
});

describe('duplicates and invalid input', () => {
  it('refuses a phone or e-mail already registered, whatever way it is written', async () => {
    await registerCitizen(t, '0356000001');
    const res = await signUp('+84 35 600 0001');
    const p = expectProblem(res, 409, 'CONFLICT');
    expect(p.detail).toBe('Số điện thoại này đã được dùng để đăng ký tài khoản');
    expect(p.errors).toEqual([{ path: 'identifier', message: 'Đã được đăng ký' }]);

    await registerCitizen(t, 'chi.le@example.vn');
    expect(expectProblem(await signUp('Chi.Le@Example.vn'), 409, 'CONFLICT').detail).toBe(
      'Thư điện tử này đã được dùng để đăng ký tài khoản',
    );
  });

  it('of two pending sign-ups for one number, the first confirmed wins', async () => {
    const a = (await signUp('0356000002', 'Người thứ nhất')).json();
    const codeA = (await lastCodeMessage(t, '0356000002')).code;
    t.clock.advance(MINUTE);
    const b = (await signUp('0356000002', 'Người thứ hai')).json();
    const codeB = (await lastCodeMessage(t, '0356000002')).code;
    expect((await confirm(b.challengeId, codeB)).statusCode).toBe(201);
    expectProblem(await confirm(a.challengeId, codeA), 409, 'CONFLICT');
    expect((await citizensWith('0356000002')).map((u) => u.fullName)).toEqual(['Người thứ hai']);
  });

  it('explains a bad phone, e-mail or password in Vietnamese, field by field', async () => {
    const bad = expectProblem(await signUp('0243 825 0123'), 400, 'VALIDATION');
    expect(bad.errors).toEqual([
      {
        path: 'identifier',
        message: 'Số điện thoại di động phải gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09',
      },
    ]);
    const mail = expectProblem(await signUp('an@@example'), 400, 'VALIDATION');
    expect(mail.errors).toEqual([{ path: 'identifier', message: 'Thư điện tử không đúng định dạng' }]);
    const weak = expectProblem(await signUp('0356000003', 'An', 'ngan'), 400, 'VALIDATION');
    expect(weak.errors).toEqual([{ path: 'password', message: 'Mật khẩu tối thiểu 8 ký tự' }]);
    expect(await t.db.select().from(outbox).where(eq(outbox.recipient, '0356000003'))).toEqual([]);
  });
});

describe('sign-in', () => {
  it('answers an unknown identifier like a wrong password, and locks after five failures', async () => {
    await registerCitizen(t, '0356000010');
    const wrong = expectProblem(await signIn('0356000010', 'sai-mat-khau'), 401, 'UNAUTHENTICATED');
    const unknown = expectProblem(await signIn('0356999999', 'sai-mat-khau'), 401, 'UNAUTHENTICATED');
    expect(wrong.detail).toBe(unknown.detail);
    for (let i = 0; i < 3; i++) expectProblem(await signIn('0356000010', 'sai'), 401, 'UNAUTHENTICATED');
    expectProblem(await signIn('0356000010', 'sai'), 423, 'LOCKED');
    expect(expectProblem(await signIn('0356000010'), 423, 'LOCKED').detail).toMatch(
      /tạm khóa đến \d{2}:\d{2}/,
    );
    t.clock.advance(16 * MINUTE);
    expect((await signIn('0356000010')).statusCode).toBe(200);
  });

  it('needs the CSRF token to sign out, like every write within a session', async () => {
    const s = sessionOf(t, await signIn('0356000010'));
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/api/citizen/sign-out',
      cookies: { motcua_session: s.cookie },
    });
    expectProblem(noToken, 403, 'CSRF');
  });
});

describe('password reset by code', () => {
  it('resets the password, ends every session and lifts a lockout', async () => {
    const before = await registerCitizen(t, 'dung.pham@example.vn');
    t.clock.advance(MINUTE);
    for (let i = 0; i < 5; i++) await signIn('dung.pham@example.vn', 'sai');
    expectProblem(await signIn('dung.pham@example.vn'), 423, 'LOCKED');

    const asked = await post(t, '/api/citizen/password-reset', { identifier: 'Dung.Pham@example.vn' });
    expect(asked.statusCode).toBe(202);
    const { message, code } = await lastCodeMessage(t, 'dung.pham@example.vn');
    expect(message.subject).toBe('Mã xác nhận đặt lại mật khẩu tài khoản Dịch vụ công');
    const weak = await post(t, '/api/citizen/password-reset/confirm', {
      challengeId: asked.json().challengeId,
      code,
      newPassword: 'ngan',
    });
    expectProblem(weak, 400, 'VALIDATION');
    const done = await post(t, '/api/citizen/password-reset/confirm', {
      challengeId: asked.json().challengeId,
      code,
      newPassword: 'MatKhauMoi@2026',
    });
    expect(done.statusCode).toBe(204);
    expectProblem(await before.get('/api/citizen/me'), 401, 'UNAUTHENTICATED');
    expectProblem(await signIn('dung.pham@example.vn'), 401, 'UNAUTHENTICATED');
    expect((await signIn('dung.pham@example.vn', 'MatKhauMoi@2026')).statusCode).toBe(200);
  });

  it('tells nothing about whether an account exists', async () => {
    await registerCitizen(t, '0356000020');
    t.clock.advance(MINUTE);
    const known = await post(t, '/api/citizen/password-reset', { identifier: '0356000020' });
    const unknown = await post(t, '/api/citizen/password-reset', { identifier: '0356000021' });
    expect([known.statusCode, unknown.statusCode]).toEqual([202, 202]);
    const shape = (r: typeof known) => {
      const b = r.json();
      return { ...b, challengeId: typeof b.challengeId, sentTo: b.sentTo.length };
    };
    expect(shape(unknown)).toEqual(shape(known));
    // Only the real account gets a message; the other request exists but nothing is sent.
    expect((await lastCodeMessage(t, '0356000020')).row.template).toBe('citizen.passwordResetCode');
    expect(await t.db.select().from(outbox).where(eq(outbox.recipient, '0356000021'))).toEqual([]);

    // Tries, resends and limits behave alike.
    const tryCode = (r: typeof known) =>
      post(t, '/api/citizen/password-reset/confirm', {
        challengeId: r.json().challengeId,
        code: '000000',
        newPassword: 'MatKhauMoi@2026',
      });
    const a = await tryCode(known);
    const b = await tryCode(unknown);
    const problem = (r: typeof a) => {
      const { requestId: _r, ...rest } = r.json();
      return [r.statusCode, rest];
    };
    if (a.statusCode === 400) expect(problem(b)).toEqual(problem(a));
    const resend = (r: typeof known) =>
      post(t, '/api/citizen/resend-code', { challengeId: r.json().challengeId });
    expect(problem(await resend(unknown))).toEqual(problem(await resend(known)));
    expectProblem(
      await post(t, '/api/citizen/password-reset', { identifier: '0356000021' }),
      429,
      'RATE_LIMITED',
    );
    expectProblem(
      await post(t, '/api/citizen/password-reset', { identifier: '0356000020' }),
      429,
      'RATE_LIMITED',
    );
  });
});

describe('rate limits per client address', () => {
  it('limits sign-up and code requests', async () => {
    const limited = await makeTestApp({ citizenCodeRatePerMinute: 2 });
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await limited.app.inject({
        method: 'POST',
        url: '/api/citizen/sign-up',
        payload: { identifier: `098800000${i}`, fullName: 'An', password: CITIZEN_PASSWORD },
      });
      codes.push(res.statusCode);
    }
    const reset = await limited.app.inject({
      method: 'POST',
      url: '/api/citizen/password-reset',
      payload: { identifier: '0988000009' },
    });
    expect([...codes, reset.statusCode]).toEqual([202, 202, 429, 202]);
    await limited.close();
  });
});

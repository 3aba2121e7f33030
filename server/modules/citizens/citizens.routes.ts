import { z } from 'zod';
import {
  CitizenProfile,
  CitizenSession,
  CodeSent,
  ConfirmSignUp,
  PasswordResetConfirm,
  PasswordResetRequest,
  ResendCode,
  SignInRequest,
  SignUpRequest,
  UpdateCitizenProfile,
} from '../../../domain/citizen/account.ts';
import type { Deps } from '../../context.ts';
import { type App, problems, typed } from '../../http.ts';
import { clearSessionCookie, ctxOf, setSessionCookie } from '../../plugins/auth.ts';
import * as citizens from './citizens.service.ts';
import { getProfile, updateProfile } from './profile.service.ts';

const tags = ['citizen'];

/** Citizen accounts on the public portal (ADR 0007). Anonymous writes are rate-limited per client address. */
export function citizenRoutes(app: App, deps: Deps) {
  const r = typed(app);
  const codes = deps.config.citizenCodes;
  const sendLimit = { rateLimit: { max: deps.config.citizenCodeRatePerMinute, timeWindow: '1 minute' } };
  const confirmLimit = {
    rateLimit: { max: deps.config.citizenConfirmRatePerMinute, timeWindow: '1 minute' },
  };

  r.post(
    '/api/citizen/sign-up',
    {
      schema: {
        tags,
        summary: 'Đăng ký tài khoản công dân bằng số điện thoại hoặc thư điện tử: gửi mã xác nhận',
        body: SignUpRequest,
        response: { 202: CodeSent, ...problems(400, 409, 429) },
      },
      config: sendLimit,
    },
    async (request, reply) =>
      reply.code(202).send(await citizens.signUp(ctxOf(request, deps), request.body, codes)),
  );

  r.post(
    '/api/citizen/confirm',
    {
      schema: {
        tags,
        summary: 'Xác nhận đăng ký bằng mã đã gửi: tạo tài khoản và đăng nhập',
        body: ConfirmSignUp,
        response: { 201: CitizenSession, ...problems(400, 404, 409, 429) },
      },
      config: confirmLimit,
    },
    async (request, reply) => {
      const { token, session } = await citizens.confirmSignUp(ctxOf(request, deps), request.body, {
        ...codes,
        sessionHours: deps.config.sessionHours,
      });
      setSessionCookie(reply, request, deps, token);
      return reply.code(201).send(session);
    },
  );

  r.post(
    '/api/citizen/resend-code',
    {
      schema: {
        tags,
        summary: 'Gửi lại mã xác nhận (đăng ký hoặc đặt lại mật khẩu)',
        body: ResendCode,
        response: { 200: CodeSent, ...problems(400, 404, 429) },
      },
      config: sendLimit,
    },
    async (request) => citizens.resendCode(ctxOf(request, deps), request.body.challengeId, codes),
  );

  r.post(
    '/api/citizen/sign-in',
    {
      schema: {
        tags,
        summary: 'Đăng nhập tài khoản công dân bằng số điện thoại hoặc thư điện tử',
        body: SignInRequest,
        response: { 200: CitizenSession, ...problems(400, 401, 423, 429) },
      },
      config: { rateLimit: { max: deps.config.loginRatePerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { token, session } = await citizens.signIn(ctxOf(request, deps), request.body, deps.config);
      setSessionCookie(reply, request, deps, token);
      return session;
    },
  );

  r.post(
    '/api/citizen/sign-out',
    { schema: { tags, summary: 'Đăng xuất', response: { 204: z.null(), ...problems(403) } } },
    async (request, reply) => {
      if (request.sessionToken) await citizens.signOut(ctxOf(request, deps), request.sessionToken);
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/citizen/password-reset',
    {
      schema: {
        tags,
        summary:
          'Quên mật khẩu: gửi mã đặt lại mật khẩu (trả lời như nhau dù tài khoản có tồn tại hay không)',
        body: PasswordResetRequest,
        response: { 202: CodeSent, ...problems(400, 429) },
      },
      config: sendLimit,
    },
    async (request, reply) =>
      reply.code(202).send(await citizens.requestPasswordReset(ctxOf(request, deps), request.body, codes)),
  );

  r.post(
    '/api/citizen/password-reset/confirm',
    {
      schema: {
        tags,
        summary: 'Đặt mật khẩu mới bằng mã xác nhận; mọi phiên đăng nhập cũ bị kết thúc',
        body: PasswordResetConfirm,
        response: { 204: z.null(), ...problems(400, 404, 429) },
      },
      config: confirmLimit,
    },
    async (request, reply) => {
      await citizens.confirmPasswordReset(ctxOf(request, deps), request.body, codes);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/citizen/me',
    {
      schema: {
        tags,
        summary: 'Tài khoản công dân đang đăng nhập (kèm mã CSRF)',
        response: { 200: CitizenSession, ...problems(401, 403) },
      },
    },
    async (request) => citizens.getMe(ctxOf(request, deps)),
  );

  r.get(
    '/api/citizen/profile',
    {
      schema: {
        tags,
        summary: 'Thông tin cá nhân đã lưu để điền sẵn tờ khai',
        response: { 200: CitizenProfile, ...problems(401, 403) },
      },
    },
    async (request) => getProfile(ctxOf(request, deps)),
  );

  r.put(
    '/api/citizen/profile',
    {
      schema: {
        tags,
        summary: 'Lưu thông tin cá nhân (thay toàn bộ; trường bỏ trống sẽ bị xóa)',
        body: UpdateCitizenProfile,
        response: { 200: CitizenProfile, ...problems(400, 401, 403) },
      },
    },
    async (request) => updateProfile(ctxOf(request, deps), request.body),
  );
}

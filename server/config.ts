import path from 'node:path';
import { z } from 'zod';
import { PaymentAccount } from '../domain/payment/payment.ts';
import { hstsOf, type OidcConfig, oidcOf, SecurityEnv } from './config-security.ts';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `auto`: the session cookie is Secure when the request came over HTTPS (set TRUST_PROXY behind a proxy). */
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: z.stringbool().default(false),
  SESSION_HOURS: z.coerce.number().positive().default(12),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  /** Address applicants reach the portal at: tracking links in notifications (`PUBLIC_URL/tra-cuu/<code>`). */
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  /** Outgoing mail server, e.g. `smtp://user:pass@host:587` (`smtps://` for TLS on 465); unset: mail is logged. */
  SMTP_URL: z.string().url().optional(),
  /** How long the notification worker holds a claimed batch (also: how soon a crashed process's batch is resent). */
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(5).max(86_400).default(900),
  MAIL_FROM: z.string().min(3).default('Một cửa điện tử <no-reply@localhost>'),
  /** Minutes a one-time code for citizen sign-up or password reset stays valid. */
  CITIZEN_CODE_TTL_MINUTES: z.coerce.number().int().min(1).max(60).default(10),
  /** Default account fees are transferred to (VietQR); an agency may have its own (PUT …/payment-account). */
  PAYMENT_BANK_BIN: z.string().optional(),
  PAYMENT_ACCOUNT_NO: z.string().optional(),
  PAYMENT_ACCOUNT_NAME: z.string().optional(),
  PAYMENT_BANK_NAME: z.string().optional(),
  PAYMENT_TAX_CODE: z.string().optional(),
  PAYMENT_NOTE_MAX_LENGTH: z.coerce.number().int().optional(),
});

/** The default collecting account: all of BIN, account number and name, or none (payments then answer 409). */
function paymentAccountOf(e: z.infer<typeof Env>): PaymentAccount | undefined {
  const required = [e.PAYMENT_BANK_BIN, e.PAYMENT_ACCOUNT_NO, e.PAYMENT_ACCOUNT_NAME];
  if (required.every((v) => v === undefined || v === '')) return undefined;
  if (required.some((v) => v === undefined || v === '')) {
    throw new Error('PAYMENT_BANK_BIN, PAYMENT_ACCOUNT_NO and PAYMENT_ACCOUNT_NAME must be set together');
  }
  const parsed = PaymentAccount.safeParse({
    bankBin: e.PAYMENT_BANK_BIN,
    accountNumber: e.PAYMENT_ACCOUNT_NO,
    accountName: e.PAYMENT_ACCOUNT_NAME,
    ...(e.PAYMENT_BANK_NAME ? { bankName: e.PAYMENT_BANK_NAME } : {}),
    ...(e.PAYMENT_TAX_CODE ? { taxCode: e.PAYMENT_TAX_CODE } : {}),
    ...(e.PAYMENT_NOTE_MAX_LENGTH === undefined ? {} : { noteMaxLength: e.PAYMENT_NOTE_MAX_LENGTH }),
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid PAYMENT_* configuration: ${issues}`);
  }
  return parsed.data;
}

export type Config = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  cookieSecure: 'auto' | boolean;
  trustProxy: boolean;
  sessionHours: number;
  bodyLimit: number;
  /** Consecutive failed logins before the account is locked, and for how long (minutes). */
  lockout: Readonly<{ maxFailures: number; minutes: number }>;
  /** Login attempts per client IP per minute (per app process). */
  loginRatePerMinute: number;
  /** Public dossier-tracking requests per client IP per minute (per app process). */
  trackingRatePerMinute: number;
  /** Base URL of the public portal, without a trailing slash. */
  publicUrl: string;
  /** SMTP server for e-mail notifications; undefined: e-mails are written to the log, never claimed sent. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Seconds a claimed outbox batch stays with its worker (see notifications/worker.ts). */
  outboxLeaseSeconds: number;
  /** One-time codes for citizen accounts (ADR 0007): validity, wrong tries per code, resend spacing and caps. */
  citizenCodes: Readonly<{
    ttlMinutes: number;
    maxAttempts: number;
    resendCooldownSeconds: number;
    maxSendsPerCode: number;
    maxSendsPerRecipientPerDay: number;
  }>;
  /** Citizen sign-up, resend-code and password-reset requests per client IP per minute (per app process). */
  citizenCodeRatePerMinute: number;
  /** Code confirmations per client IP per minute (per app process). */
  citizenConfirmRatePerMinute: number;
  /** Default account for fee transfers (VietQR); undefined: only agencies with their own account take payments. */
  payment: PaymentAccount | undefined;
  /** Sign-in with the national digital ID (OpenID Connect, ADR 0009); undefined: off. */
  oidc: OidcConfig | undefined;
  /** Send Strict-Transport-Security (ADR 0010). */
  hsts: boolean;
}>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const e = Env.extend(SecurityEnv.shape).parse(env);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE === 'auto' ? 'auto' : e.COOKIE_SECURE === 'true',
    trustProxy: e.TRUST_PROXY,
    sessionHours: e.SESSION_HOURS,
    bodyLimit: e.BODY_LIMIT_BYTES,
    lockout: { maxFailures: 5, minutes: 15 },
    loginRatePerMinute: 20,
    trackingRatePerMinute: 60,
    publicUrl: e.PUBLIC_URL.replace(/\/+$/, ''),
    smtpUrl: e.SMTP_URL,
    outboxLeaseSeconds: e.OUTBOX_LEASE_SECONDS,
    mailFrom: e.MAIL_FROM,
    citizenCodes: {
      ttlMinutes: e.CITIZEN_CODE_TTL_MINUTES,
      maxAttempts: 5,
      resendCooldownSeconds: 60,
      maxSendsPerCode: 5,
      maxSendsPerRecipientPerDay: 10,
    },
    citizenCodeRatePerMinute: 10,
    citizenConfirmRatePerMinute: 30,
    payment: paymentAccountOf(e),
    oidc: oidcOf(e, e.PUBLIC_URL.replace(/\/+$/, '')),
    hsts: hstsOf(e, e.PUBLIC_URL),
    ...overrides,
  });
}

/**
 * Delivery channels behind one interface. E-mail goes through SMTP (nodemailer) when `SMTP_URL` is set; SMS and
 * Zalo have no provider yet. A channel without a provider writes the message to the log and answers
 * `{ via: 'log' }`, which the worker records as `logged` — it never claims a message was sent.
 */
import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';

export const OUTBOX_CHANNELS = ['email', 'sms', 'zalo'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];

/** Delivered nowhere but the log (no provider configured). */
export const LOGGED_VIA = 'log';

/** One rendered notice for one recipient. E-mail uses subject, text and html; SMS and Zalo use `short`. */
export type OutgoingMessage = Readonly<{
  /** Outbox row id, for the log and for the provider's idempotency key where it has one. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  short: string;
}>;

export interface Channel {
  readonly name: OutboxChannel;
  /** Resolves with how the message left (`smtp`, a provider name, or `log`); rejects when it did not. */
  send(message: OutgoingMessage): Promise<{ via: string }>;
  close?(): void;
}

/** The few logger methods channels and jobs use (Fastify's logger fits). */
export type Log = Readonly<{
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}>;

export type Channels = Readonly<Record<OutboxChannel, Channel>>;

/** A channel with no provider: the message goes to the log, in full, so that staff can still read what was due. */
/**
 * A recipient as the log may show it: enough to tell messages apart, not the person's phone number or address
 * ("*******678", "h***@example.vn"). The outbox row keeps the full recipient for staff who may see it.
 */
export function maskRecipient(to: string): string {
  const at = to.indexOf('@');
  if (at > 0) return `${to[0]}***${to.slice(at)}`;
  return to.length > 3 ? `${'*'.repeat(to.length - 3)}${to.slice(-3)}` : '***';
}

export function logChannel(name: OutboxChannel, log: Log): Channel {
  return {
    name,
    async send(m) {
      const to = maskRecipient(m.to);
      log.info(
        name === 'email'
          ? { outboxId: m.id, channel: name, to, subject: m.subject, text: m.text }
          : { outboxId: m.id, channel: name, to, text: m.short },
        `notification not sent (no ${name} provider configured); written to the log`,
      );
      return { via: LOGGED_VIA };
    },
  };
}

/** SMTP timeouts short enough that one unreachable server cannot hold a claimed batch past its lease. */
const smtpTimeouts = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

export function smtpChannel(smtpUrl: string, from: string): Channel {
  const transport = nodemailer.createTransport({ url: smtpUrl, ...smtpTimeouts });
  return {
    name: 'email',
    async send(m) {
      // nodemailer rejects when the server refuses the sender, every recipient or the message.
      const info = await transport.sendMail({
        from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        headers: { 'X-Motcua-Notification': m.id },
      });
      if (info.rejected.length > 0) throw new Error(`SMTP: người nhận bị từ chối (${info.response})`);
      return { via: 'smtp' };
    },
    close: () => transport.close(),
  };
}

/** The channels in force for a configuration. */
export function channelsFrom(config: Pick<Config, 'smtpUrl' | 'mailFrom'>, log: Log): Channels {
  return {
    email: config.smtpUrl ? smtpChannel(config.smtpUrl, config.mailFrom) : logChannel('email', log),
    sms: logChannel('sms', log),
    zalo: logChannel('zalo', log),
  };
}

// Sends a composed mail through SMTP (nodemailer), bounded: short connection, greeting and socket
// timeouts and at most one retry, so a mail server that is down never holds a finished run for long.
import nodemailer from 'nodemailer';
import { isLoopbackHost } from '../net/loopback.js';
import type { MailMessage } from './email.js';

export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  auth?: { user: string; pass: string };
}

/** The bounds of one attempt, in milliseconds, and the pause before the one retry. */
export interface SmtpLimits {
  connectionMs: number;
  greetingMs: number;
  socketMs: number;
  retryAfterMs: number;
}

export const SMTP_LIMITS: SmtpLimits = { connectionMs: 15_000, greetingMs: 10_000, socketMs: 20_000, retryAfterMs: 2_000 };

/** A mail that could not be sent, with a one-line reason that names no secret. */
export class MailNotSent extends Error {}

/** Connection-level failures and 4xx answers may pass; a refused login or a 5xx will not, so is not retried. */
function worthRetrying(error: { code?: string; responseCode?: number }): boolean {
  if (error.responseCode !== undefined) return error.responseCode >= 400 && error.responseCode < 500;
  return error.code === 'ECONNECTION' || error.code === 'ETIMEDOUT' || error.code === 'ESOCKET';
}

/** Sends `message`, retrying once after a transient failure; throws MailNotSent. */
export async function sendMail(message: MailMessage, smtp: SmtpSettings, limits: SmtpLimits = SMTP_LIMITS): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await sendOnce(message, smtp, limits);
      return;
    } catch (error) {
      const failure = error as Error & { code?: string; responseCode?: number };
      if (attempt >= 2 || !worthRetrying(failure)) throw new MailNotSent(safeReason(failure, smtp));
      await new Promise((resolve) => setTimeout(resolve, limits.retryAfterMs));
    }
  }
}

async function sendOnce(message: MailMessage, smtp: SmtpSettings, limits: SmtpLimits): Promise<void> {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    // A password never crosses the network in clear text: away from this machine, login needs TLS.
    requireTLS: smtp.auth !== undefined && !smtp.secure && !isLoopbackHost(smtp.host),
    ...(smtp.auth === undefined ? {} : { auth: { user: smtp.auth.user, pass: smtp.auth.pass } }),
    connectionTimeout: limits.connectionMs,
    greetingTimeout: limits.greetingMs,
    socketTimeout: limits.socketMs,
    logger: false,
    debug: false,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  try {
    await transport.sendMail(message);
  } finally {
    transport.close();
  }
}

/**
 * nodemailer's message on one line, with the password and the forms it travels in (base64 alone, and
 * AUTH PLAIN's "\0user\0password") taken out, should a server echo them back.
 */
function safeReason(error: Error, smtp: SmtpSettings): string {
  let text = (error.message || String(error)).replace(/\s+/g, ' ').trim();
  const auth = smtp.auth;
  if (auth !== undefined && auth.pass !== '') {
    const forms = [auth.pass, Buffer.from(auth.pass).toString('base64'), Buffer.from(`\0${auth.user}\0${auth.pass}`).toString('base64')];
    for (const form of forms) text = text.split(form).join('[redacted]');
  }
  return text.replace(/\.$/, '');
}

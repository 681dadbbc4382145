// Sending through SMTP against hostile servers on 127.0.0.1: one that never greets (the bounded
// greeting wait, then one retry), and one that echoes the login back in its refusal (the password
// never reaches the error).
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { MailNotSent, sendMail, type SmtpLimits } from '../../src/notify/smtp.js';

const MESSAGE = { from: 'migrate@example.com', to: ['ops@example.com'], subject: 's', text: 't', attachments: [] };
const FAST: SmtpLimits = { connectionMs: 500, greetingMs: 300, socketMs: 500, retryAfterMs: 50 };
const PASSWORD = 'Pa55-TOPSECRET';

async function withRawServer<T>(onConnection: (socket: Socket) => void, fn: (port: number, connections: () => number) => Promise<T>): Promise<T> {
  let count = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    count += 1;
    sockets.add(socket);
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await fn((server.address() as AddressInfo).port, () => count);
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

async function failure(promise: Promise<void>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('the mail was sent');
}

describe('sendMail', () => {
  it('gives up on a server that never greets after the greeting wait, trying once more', async () => {
    await withRawServer(
      () => undefined,
      async (port, connections) => {
        const error = await failure(sendMail(MESSAGE, { host: '127.0.0.1', port, secure: false }, FAST));
        expect(error).toBeInstanceOf(MailNotSent);
        expect(error.message).toMatch(/greeting/i);
        expect(connections()).toBe(2);
      },
    );
  });

  it('keeps the password out of the error when a server repeats the login in its refusal, and does not retry a refused login', async () => {
    await withRawServer(
      (socket) => {
        socket.write('220 hostile ESMTP\r\n');
        socket.on('data', (data) => {
          const line = data.toString('utf8').trim();
          if (/^EHLO/i.test(line)) socket.write('250-hostile\r\n250 AUTH PLAIN LOGIN\r\n');
          else if (/^AUTH/i.test(line)) {
            const echoed = Buffer.from(line.split(' ')[2] ?? '', 'base64').toString('latin1').replace(/\0/g, ' ');
            socket.write(`535 5.7.8 refused ${line} (${echoed})\r\n`);
          } else socket.write('250 ok\r\n');
        });
      },
      async (port, connections) => {
        const error = await failure(sendMail(MESSAGE, { host: '127.0.0.1', port, secure: false, auth: { user: 'bot', pass: PASSWORD } }, FAST));
        expect(error).toBeInstanceOf(MailNotSent);
        expect(error.message).toContain('535');
        expect(error.message).toContain('[redacted]');
        expect(error.message).not.toContain('TOPSECRET');
        expect(error.message).not.toContain(Buffer.from(`\0bot\0${PASSWORD}`).toString('base64'));
        expect(error.message).not.toMatch(/\n/);
        expect(connections()).toBe(1);
      },
    );
  });
});

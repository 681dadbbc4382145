// A real SMTP server for tests (the smtp-server package) on 127.0.0.1, any free port: it keeps every
// mail it accepts, parsed by mailparser, and optionally demands a login or refuses every recipient.
//
//   const smtp = await startSmtpServer({ login: { user: 'migrate', pass: 's3cret' } });
//   … point notify.email.smtp at 127.0.0.1:smtp.port, run the CLI …
//   expect(smtp.mails[0]!.subject).toContain('test-import');
//   await smtp.close();
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtpServer {
  port: number;
  /** Every mail accepted, in order, with the envelope's recipients. */
  mails: Array<ParsedMail & { envelopeTo: string[] }>;
  /** Logins tried, accepted or not. */
  logins: Array<{ user: string; pass: string }>;
  close(): Promise<void>;
}

export interface SmtpServerOptions {
  /** Demand this login (over plain text: the test runs on loopback). */
  login?: { user: string; pass: string };
  /** Refuse every recipient with a permanent 550. */
  refuseRecipients?: boolean;
}

export async function startSmtpServer(options: SmtpServerOptions = {}): Promise<TestSmtpServer> {
  const mails: TestSmtpServer['mails'] = [];
  const logins: TestSmtpServer['logins'] = [];
  const server = new SMTPServer({
    // No STARTTLS: its self-signed certificate would fail the client's check on a loopback test.
    disabledCommands: options.login === undefined ? ['STARTTLS', 'AUTH'] : ['STARTTLS'],
    authOptional: options.login === undefined,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      logins.push({ user: auth.username ?? '', pass: auth.password ?? '' });
      const login = options.login;
      if (login !== undefined && auth.username === login.user && auth.password === login.pass) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(_address, _session, callback) {
      if (options.refuseRecipients) {
        const refusal = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
        callback(refusal);
      } else callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(Object.assign(mail, { envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address) }));
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, mails, logins, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

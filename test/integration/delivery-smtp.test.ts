import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../functions/handlers/cli';
import { tempDir } from '../helpers/pipeline';

interface Received {
  from: string;
  to: string[];
  raw: Buffer;
}

/** A real SMTP server on a free local port that keeps every message it accepts. */
async function startSmtpServer(options: { rejectRcpt?: RegExp } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.rejectRcpt?.test(address.address)) {
        const error = Object.assign(new Error('mailbox unavailable'), { responseCode: 550 });
        callback(error);
      } else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    received,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('npm run brief -- … --mail-to … --smtp URL (a real SMTP server)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let dir: string;
  let out: string;
  let args: string[];

  beforeAll(async () => {
    smtp = await startSmtpServer();
    dir = tempDir('brief-smtp-');
    out = join(dir, 'out');
    args = [
      'test/fixtures/seeds',
      '--out',
      out,
      '--store',
      join(dir, 'store'),
      '--edition',
      '2026-11-22',
      '--mail-to',
      'ana@example.org,ben@example.org',
      '--mail-from',
      'Daily Brief <brief@example.org>',
      '--smtp',
      smtp.url,
    ];
  });
  afterAll(() => smtp.close());

  it('writes out/brief.eml and sends the same message, read back from the server', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const code = await runCli(args, process.cwd());
    log.mockRestore();
    expect(code).toBe(0);
    expect(smtp.received).toHaveLength(1);
    const [message] = smtp.received;
    expect(message?.from).toBe('brief@example.org');
    expect(message?.to).toEqual(['ana@example.org', 'ben@example.org']);

    const eml = join(out, 'brief.eml');
    expect(existsSync(eml)).toBe(true);
    const written = readFileSync(eml);
    // The server saw the very bytes written locally (but for SMTP's line endings).
    const normalise = (b: Buffer) => b.toString('latin1').replace(/\r\n/g, '\n').trimEnd();
    expect(normalise(message?.raw as Buffer)).toBe(normalise(written));

    const mail = await simpleParser(message?.raw as Buffer);
    expect(mail.subject).toMatch(/^Daily Diplomatic Brief, 22 November 2026: \S/);
    expect(mail.html).toContain(`${new URL(`file://${join(out, 'brief.html')}`).href}`);
    expect(mail.text).toContain('KEY DEVELOPMENTS');
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['brief-2026-11-22.pdf', 'application/pdf'],
    ]);
    expect(
      Buffer.compare(mail.attachments[0]?.content as Buffer, readFileSync(join(out, 'brief.pdf'))),
    ).toBe(0);
  });

  it('does not send the same edition twice, unless --resend', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await runCli(args, process.cwd())).toBe(0);
    expect(smtp.received).toHaveLength(1);
    expect(log.mock.calls.flat().join('\n')).toMatch(/list all already received 2026-11-22/);
    expect(await runCli([...args, '--resend'], process.cwd())).toBe(0);
    log.mockRestore();
    expect(smtp.received).toHaveLength(2);
  });

  it('reports a refused recipient, exits 3, and keeps the message on disk', async () => {
    const strict = await startSmtpServer({ rejectRcpt: /nobody@/ });
    const local = tempDir('brief-smtp-');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    const code = await runCli(
      [
        'test/fixtures/seeds',
        '--out',
        join(local, 'out'),
        '--store',
        join(local, 'store'),
        '--edition',
        '2026-11-22',
        '--mail-to',
        'nobody@example.org',
        '--smtp',
        strict.url,
      ],
      process.cwd(),
    );
    const errors = err.mock.calls.flat().join('\n');
    log.mockRestore();
    err.mockRestore();
    await strict.close();
    expect(code).toBe(3);
    expect(errors).toMatch(/not sent to list all: SMTP delivery failed: .*mailbox unavailable/);
    expect(strict.received).toHaveLength(0);
    expect(existsSync(join(local, 'out', 'brief.eml'))).toBe(true);
    expect(existsSync(join(local, 'store', 'deliveries', '2026-11-22', 'all.failed.json'))).toBe(
      true,
    );
  });
});

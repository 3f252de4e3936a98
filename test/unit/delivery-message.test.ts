import { S3Client } from '@aws-sdk/client-s3';
import { type ParsedMail, simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeMessage, subjectOf } from '../../functions/delivery/compose-message';
import { makeLinker } from '../../functions/delivery/presign-link';
import type { BriefModel } from '../../functions/model/types';
import type { PipelineDeps } from '../../functions/pipeline/pipeline-deps';
import { briefToText } from '../../functions/render/text/plain-text';
import { seedBrief } from './delivery-helpers';

const link = {
  url: 'https://daily-brief.s3.eu-west-1.amazonaws.com/briefs/2026-11-22/brief.html?X-Amz-Expires=86400&X-Amz-Signature=f00',
  expires: new Date('2026-11-23T07:30:00Z'),
};

describe('the e-mail of a brief, read back with a MIME parser', () => {
  let model: BriefModel;
  let deps: PipelineDeps;
  let html: string;
  let pdf: Uint8Array;
  let mail: ParsedMail;
  let raw: string;

  beforeAll(async () => {
    ({ model, deps } = await seedBrief());
    html = deps.renderers.html(model);
    pdf = await deps.renderers.pdf(model);
    const message = await composeMessage({
      from: 'Daily Brief <brief@example.org>',
      replyTo: 'desk@example.org',
      to: ['ana@example.org', 'ben@example.org'],
      cc: ['head@example.org'],
      bcc: ['archive@example.org'],
      model,
      html,
      pdf,
      link,
      date: new Date('2026-11-23T05:01:00Z'),
    });
    raw = message.raw.toString('latin1');
    mail = await simpleParser(message.raw);
    expect(message.recipients).toEqual([
      'ana@example.org',
      'ben@example.org',
      'head@example.org',
      'archive@example.org',
    ]);
  });

  it('is multipart/mixed: an alternative (plain text, HTML) and the PDF', () => {
    expect(raw).toMatch(/^Content-Type: multipart\/mixed;/m);
    expect(raw).toMatch(/^Content-Type: multipart\/alternative;/m);
    const order = ['text/plain', 'text/html', 'application/pdf'].map((type) =>
      raw.indexOf(`Content-Type: ${type}`),
    );
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('attaches the PDF byte for byte, named after the edition', () => {
    expect(mail.attachments).toHaveLength(1);
    const [attachment] = mail.attachments;
    expect(attachment?.contentType).toBe('application/pdf');
    expect(attachment?.filename).toBe('brief-2026-11-22.pdf');
    expect(attachment?.contentDisposition).toBe('attachment');
    expect(Buffer.compare(attachment?.content as Buffer, Buffer.from(pdf))).toBe(0);
  });

  it('has the headers: From, To, Cc, Reply-To, Date; Bcc only in the envelope', () => {
    expect(mail.from?.value).toEqual([{ name: 'Daily Brief', address: 'brief@example.org' }]);
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    expect(to?.value.map((a) => a.address)).toEqual(['ana@example.org', 'ben@example.org']);
    const cc = Array.isArray(mail.cc) ? mail.cc[0] : mail.cc;
    expect(cc?.value.map((a) => a.address)).toEqual(['head@example.org']);
    expect(mail.replyTo?.value[0]?.address).toBe('desk@example.org');
    expect(mail.date?.toISOString()).toBe('2026-11-23T05:01:00.000Z');
    expect(mail.bcc).toBeUndefined();
    expect(raw).not.toContain('archive@example.org');
    expect(mail.messageId).toMatch(/^<.+@.+>$/);
    expect(mail.headers.get('x-brief-edition')).toBe('2026-11-22');
  });

  it('has a subject with the edition date and the top story', () => {
    const top = model.highlights[0]?.headline as string;
    expect(top.length).toBeGreaterThan(10);
    expect(mail.subject).toBe(`Daily Diplomatic Brief, 22 November 2026: ${top}`);
  });

  it('carries the HTML brief as the body, with the link on top and no script', () => {
    const body = mail.html as string;
    expect(body).toContain(
      '<a href="https://daily-brief.s3.eu-west-1.amazonaws.com/briefs/2026-11-22/brief.html?X-Amz-Expires=86400&amp;X-Amz-Signature=f00">',
    );
    expect(body).toContain('link valid until 2026-11-23 07:30 UTC');
    for (const highlight of model.highlights) expect(body).toContain(highlight.number.toString());
    // Everything the renderer produced is there, unchanged, after the link line.
    const afterLink = body.replace(/\n<p style="margin:0 0 1em;[^\n]*<\/p>/, '');
    expect(afterLink).toBe(html);
    expect(body).not.toMatch(/<script|javascript:|\son[a-z]+\s*=/i);
    expect(body).not.toMatch(/<link[^>]+stylesheet|src="https?:/i);
  });

  it('has a plain-text alternative with every key development, section and source', () => {
    const text = mail.text as string;
    expect(text).toContain('Daily Diplomatic Brief — 22 November 2026');
    expect(text).toContain(`Read it in a browser: ${link.url}`);
    for (const h of model.highlights) {
      expect(text).toContain(`${h.number}. ${h.headline}`);
      expect(text.replace(/\s+/g, ' ')).toContain(h.text.replace(/\s+/g, ' '));
    }
    for (const section of model.byActor) expect(text).toContain(`\n${section.name}\n`);
    for (const article of model.articles)
      expect(text).toContain(`[${article.ref}] ${article.title}`);
    expect(text).not.toMatch(/<[a-z]+[\s>]/i);
  });
});

describe('subject and plain text edge cases', () => {
  const base = {
    edition: '2026-01-05',
    title: 'Daily Diplomatic Brief',
    highlights: [],
  } as unknown as BriefModel;

  it('says so when an edition has no key developments', () => {
    expect(subjectOf(base)).toBe('Daily Diplomatic Brief, 5 January 2026: no key developments');
  });

  it('cuts a long top story at a word and marks the cut', () => {
    const headline = `${'Ministers met again to discuss the corridor '.repeat(6)}today`;
    const subject = subjectOf({
      ...base,
      highlights: [{ headline }],
    } as unknown as BriefModel);
    expect(subject.length).toBeLessThanOrEqual(140);
    expect(subject.endsWith('…')).toBe(true);
    expect(subject).toMatch(/^Daily Diplomatic Brief, 5 January 2026: Ministers met again/);
    expect(subject).not.toMatch(/\s…$/);
  });

  it('writes a text brief without a link line when there is no link', () => {
    const text = briefToText(
      {
        ...base,
        handling: null,
        stats: { articles: 0, sources: 0, rejected: 0 },
        articles: [],
        byActor: [],
        byTheme: [],
        heatmap: { actors: [], themes: [], cells: [] },
        rejected: [],
      } as unknown as BriefModel,
      null,
    );
    expect(text).not.toContain('Read it in a browser');
    expect(text).toContain('None in this edition.');
  });
});

describe('pre-signed link to the brief', () => {
  it('signs a GET of the brief key, valid for the configured lifetime', async () => {
    const client = new S3Client({
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    });
    const now = new Date('2026-11-23T05:00:00Z');
    const linkTo = makeLinker({
      client,
      bucket: 'daily-brief-prod',
      seconds: 6 * 3600,
      clock: () => now,
    });
    const made = await linkTo('briefs/2026-11-22/brief.html');
    const url = new URL(made.url);
    expect(url.hostname).toBe('daily-brief-prod.s3.eu-west-1.amazonaws.com');
    expect(url.pathname).toBe('/briefs/2026-11-22/brief.html');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('21600');
    expect(url.searchParams.get('X-Amz-Date')).toBe('20261123T050000Z');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(made.expires?.toISOString()).toBe('2026-11-23T11:00:00.000Z');
  });
});

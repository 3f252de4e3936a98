import MailComposer from 'nodemailer/lib/mail-composer';
import type { BriefModel } from '../model/types';
import { type BriefLink, briefToText, linkLifetime } from '../render/text/plain-text';
import { formatIsoDate } from '../render/view/format-date';

export interface MessageInput {
  from: string;
  replyTo?: string | null;
  to: string[];
  cc?: string[];
  bcc?: string[];
  /** The brief this message carries (already filtered for the list, if it is filtered). */
  model: BriefModel;
  /** The self-contained HTML rendering of `model`: the body of the message. */
  html: string;
  /** The PDF rendering of `model`: the attachment. */
  pdf: Uint8Array;
  /** The full brief in the bucket (a pre-signed URL), or null when there is none. */
  link: BriefLink | null;
  date: Date;
}

export interface ComposedMessage {
  /** The whole message, RFC 5322, ready for SES `Content.Raw` or an SMTP `DATA`. */
  raw: Buffer;
  subject: string;
  /** Every recipient (To, Cc and Bcc; Bcc is not in the headers). */
  recipients: string[];
}

const maxSubject = 140;

/**
 * "Daily Diplomatic Brief, 22 November 2026: <headline of key development 1>", cut at a word
 * near 140 characters: what a reader sees in the inbox list decides whether the brief is opened.
 */
export function subjectOf(model: BriefModel): string {
  const head = `${model.title}, ${formatIsoDate(model.edition) ?? model.edition}`;
  const top = model.highlights[0]?.headline.trim();
  const subject = top ? `${head}: ${top}` : `${head}: no key developments`;
  if (subject.length <= maxSubject) return subject;
  const cut = subject.slice(0, maxSubject - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > head.length ? cut.slice(0, space) : cut).replace(/[\s,;:—-]+$/, '')}…`;
}

/**
 * Builds the e-mail: multipart/mixed of (multipart/alternative: plain text, HTML brief) and
 * the PDF. The HTML gets a short line on top with the link to the brief in the bucket. Pure:
 * same input, same message (but for MIME boundaries and the Message-ID).
 */
export async function composeMessage(input: MessageInput): Promise<ComposedMessage> {
  const subject = subjectOf(input.model);
  const cc = input.cc ?? [];
  const bcc = input.bcc ?? [];
  const composer = new MailComposer({
    from: input.from,
    to: input.to,
    ...(cc.length > 0 ? { cc } : {}),
    ...(bcc.length > 0 ? { bcc } : {}),
    ...(input.replyTo ? { replyTo: input.replyTo } : {}),
    subject,
    date: input.date,
    text: briefToText(input.model, input.link),
    html: withLink(input.html, input.link),
    attachments: [
      {
        filename: `brief-${input.model.edition}.pdf`,
        content: Buffer.from(input.pdf),
        contentType: 'application/pdf',
      },
    ],
    headers: { 'X-Brief-Edition': input.model.edition },
  });
  const raw = await composer.compile().build();
  return { raw, subject, recipients: [...input.to, ...cc, ...bcc] };
}

/** The link line, right after `<body…>`; the rest of the brief is left exactly as rendered. */
function withLink(html: string, link: BriefLink | null): string {
  if (!link) return html;
  const lifetime = linkLifetime(link);
  const until = lifetime && !link.mayEndSooner ? ` (link valid ${lifetime.slice(2)}` : lifetime;
  const line = `<p style="margin:0 0 1em;font:14px/1.4 sans-serif"><a href="${escapeAttribute(link.url)}">Open the full brief in a browser</a>${until}</p>`;
  const body = /<body[^>]*>/i.exec(html);
  if (!body) return `${line}${html}`;
  const at = body.index + body[0].length;
  return `${html.slice(0, at)}\n${line}${html.slice(at)}`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

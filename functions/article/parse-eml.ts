import { type AddressObject, simpleParser } from 'mailparser';
import { ArticleRejectedError } from '../model/errors';
import { outletNames } from './outlet-names';
import { parseHtml } from './parse-html';
import { parsePlainText } from './parse-plain-text';
import type { Found, RawArticle } from './raw-article';

/** Outlet names by host, to name a sender's organisation from its address. */
export type OutletsByHost = ReadonlyMap<string, string>;

const forwardMarker =
  /^[-\s]*(forwarded message|original message|begin forwarded message|weitergeleitete nachricht|message transféré|пересылаемое сообщение)[-:\s]*$/i;
const headerLine =
  /^(from|von|de|от|date|datum|sent|gesendet|envoyé|subject|betreff|objet|тема|to|an|à|кому|cc)\s*:/i;
const subjectPrefix = /^((fwd?|fw|tr|wg|re|aw|rv|pd|enc)\s*:\s*)+/i;
/** Words of a sender's display name that say it is an organisation, not a person. */
const organisationWord =
  /\b(news|newsletter|digest|daily|weekly|times|post|courier|herald|tribune|journal|gazette|press|agency|service|ministry|embassy|office|bureau|institute|council|centre|center|foundation|group|media|review|monitor|report|briefing|bulletin|update|updates|alerts?)\b/i;
const mailingWords = /\s*\b(newsletter|digest|alerts?|updates?|team|mailing list|no-?reply)\b\s*/gi;

/**
 * Reads an e-mail (`.eml`), typically a forwarded article or a newsletter: the subject without
 * "Fwd:"/"Re:" is the title, the HTML part (else the text part) the body, with the forwarding
 * note and the forwarded message's header lines dropped. The source, when the body names none,
 * is the sender's organisation: the forwarded message's sender, the `Organization` header, or
 * an outlet known by the sender's domain.
 */
export async function parseEml(
  text: string,
  key: string,
  outletsByHost: OutletsByHost,
): Promise<RawArticle> {
  let mail: Awaited<ReturnType<typeof simpleParser>>;
  try {
    mail = await simpleParser(text, { skipImageLinks: true, skipTextToHtml: true });
  } catch (error) {
    throw new ArticleRejectedError(
      `${key}: not a readable e-mail (${(error as Error).message}); upload the article's text`,
    );
  }
  if (!mail.from && !mail.subject && !mail.html && !mail.text?.trim()) {
    throw new ArticleRejectedError(
      `${key}: not an e-mail (no sender, subject or body); upload the article's text`,
    );
  }
  const plainText = mail.text ?? '';
  const forwarded = forwardedHeaders(plainText);
  const raw = mail.html
    ? parseHtml(withoutForwardingHeader(mail.html), key)
    : parsePlainText(withoutForwardingText(plainText), false, outletNames(outletsByHost));
  raw.paragraphs = dropForwardingLines(raw.paragraphs);

  const subject = (forwarded.subject ?? mail.subject ?? '').replace(subjectPrefix, '').trim();
  if (subject && (!raw.title || raw.title.from === 'html-title'))
    raw.title = { value: subject, from: 'email-subject' };
  raw.fallbackSource = senderOrganisation(mail, forwarded, outletsByHost);
  const sent = forwarded.date ?? mail.date ?? null;
  if (sent && !Number.isNaN(sent.getTime()))
    raw.fallbackPublished = {
      value: sent.toISOString().slice(0, 10),
      from: forwarded.date ? 'email-forwarded-date' : 'email-date',
    };
  return raw;
}

interface ForwardedHeaders {
  fromName: string | null;
  fromAddress: string | null;
  subject: string | null;
  date: Date | null;
}

/** The header lines quoted under "---------- Forwarded message ---------", when there are any. */
function forwardedHeaders(text: string): ForwardedHeaders {
  const found: ForwardedHeaders = { fromName: null, fromAddress: null, subject: null, date: null };
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const start = lines.findIndex((line) => forwardMarker.test(line.trim()));
  if (start < 0) return found;
  for (const line of lines.slice(start + 1, start + 12)) {
    const trimmed = line.trim();
    if (!trimmed) break;
    const header = /^([^:]+):\s*(.*)$/.exec(trimmed);
    if (!header?.[1] || header[2] === undefined) continue;
    const [name, value] = [header[1].toLowerCase(), header[2]];
    if (/^(from|von|de|от)$/.test(name)) {
      const address = /<([^>]+)>/.exec(value)?.[1] ?? /\S+@\S+/.exec(value)?.[0] ?? null;
      found.fromAddress = address;
      found.fromName =
        value
          .replace(/<[^>]*>/, '')
          .replace(/["']/g, '')
          .trim() || null;
    } else if (/^(subject|betreff|objet|тема)$/.test(name)) {
      found.subject = value.trim() || null;
    } else if (/^(date|datum|sent|gesendet|envoyé)$/.test(name)) {
      const date = new Date(value.replace(/\s+at\s+/i, ' '));
      found.date = Number.isNaN(date.getTime()) ? null : date;
    }
  }
  return found;
}

function withoutForwardingText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const start = lines.findIndex((line) => forwardMarker.test(line.trim()));
  if (start < 0) return text;
  let end = start + 1;
  while (end < lines.length && headerLine.test(lines[end]?.trim() ?? '')) end++;
  // The forwarder's own note above the marker is not the article.
  return lines.slice(end).join('\n');
}

/** In the HTML part, everything up to the forwarded headers is the forwarder's note. */
function withoutForwardingHeader(html: string): string {
  const marker = /-{3,}\s*(forwarded message|original message)\s*-{3,}|begin forwarded message:/i;
  const match = marker.exec(html);
  if (!match) return html;
  const afterMarker = html.slice(match.index);
  // Skip the quoted header block: up to the first blank line break after it.
  const headersEnd = /(<br\s*\/?>\s*){2}|<\/div>\s*<br\s*\/?>|<\/p>/i.exec(afterMarker);
  const rest = headersEnd ? afterMarker.slice(headersEnd.index + headersEnd[0].length) : '';
  return `<html><body>${rest}`;
}

function dropForwardingLines(paragraphs: string[]): string[] {
  return paragraphs.filter(
    (paragraph) =>
      !forwardMarker.test(paragraph) &&
      !/^-{3,}.*(forwarded|original) message/i.test(paragraph) &&
      !(headerLine.test(paragraph) && paragraph.length < 200),
  );
}

function senderOrganisation(
  mail: Awaited<ReturnType<typeof simpleParser>>,
  forwarded: ForwardedHeaders,
  outletsByHost: OutletsByHost,
): Found | null {
  const byDomain = (address: string | null): string | null => {
    let host = address?.split('@')[1]?.toLowerCase() ?? '';
    while (host.includes('.')) {
      const outlet = outletsByHost.get(host);
      if (outlet) return outlet;
      host = host.slice(host.indexOf('.') + 1);
    }
    return null;
  };
  const organisationName = (name: string | null): string | null => {
    if (!name || !organisationWord.test(name)) return null;
    return name.replace(mailingWords, ' ').replace(/\s+/g, ' ').trim() || null;
  };
  if (forwarded.fromName || forwarded.fromAddress) {
    const value = byDomain(forwarded.fromAddress) ?? organisationName(forwarded.fromName);
    if (value) return { value, from: 'email-forwarded-sender' };
  }
  const organisation = mail.headers.get('organization') ?? mail.headers.get('organisation');
  if (typeof organisation === 'string' && organisation.trim())
    return { value: organisation.trim(), from: 'email-organization' };
  const sender = (mail.from as AddressObject | undefined)?.value[0];
  const value = byDomain(sender?.address ?? null) ?? organisationName(sender?.name ?? null);
  return value ? { value, from: 'email-sender' } : null;
}

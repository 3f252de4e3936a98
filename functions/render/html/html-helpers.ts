import type Handlebars from 'handlebars';
import type { Citation, CiteOf } from '../view/citations';
import { formatIsoDate, formatUtcTime } from '../view/format-date';
import { plural as pluralWords } from '../view/plural';
import { webUrl } from '../view/sources';

/**
 * Writes a `YYYY-MM-DD` (or ISO timestamp) date out as "22 November 2026", the form policy
 * staff read without thinking about day/month order. Anything else is returned unchanged, so a
 * malformed date stays visible rather than turning into a wrong one.
 */
export function longDate(value: unknown): string {
  if (typeof value !== 'string') return '';
  return formatIsoDate(value) ?? value;
}

/** "06:00" from an ISO timestamp, read in UTC so every reader sees the same time. */
export function utcTime(value: unknown): string {
  return typeof value === 'string' ? (formatUtcTime(value) ?? '') : '';
}

/**
 * Returns the URL only when it is an absolute http(s) URL, else ''. Article URLs come from
 * uploads, so `javascript:`, `data:` and relative URLs must never reach an `href`.
 */
export function safeUrl(value: unknown): string {
  return webUrl(value) ?? '';
}

/** Short link text for a source URL ("forbes.com"); '' when the URL is not http(s). */
export function urlHost(value: unknown): string {
  const url = safeUrl(value);
  return url ? new URL(url).hostname.replace(/^www\./, '') : '';
}

/** "1 article" / "3 articles": counts in the masthead and actor sections read as prose. */
export function plural(count: unknown, singular: string, pluralForm?: string): string {
  return pluralWords(typeof count === 'number' ? count : Number(count), singular, pluralForm);
}

/** Data passed to every render so the `citations` helper finds the numbers of article ids. */
export interface CitationData {
  citeOf: CiteOf;
}

/**
 * Citation links ("[1] [3]" pointing at `#src-1`, `#src-3`); ids the brief does not know show
 * as "[?]" instead of failing the whole brief.
 */
export function citationsHtml(citation: Citation, escapeText: (text: string) => string): string {
  const links = citation.refs.map((ref) => {
    const n = escapeText(String(ref));
    return `<a class="cite" href="#src-${n}" aria-label="source ${n}">[${n}]</a>`;
  });
  if (citation.missing)
    links.push('<span class="cite cite-missing" title="source not found">[?]</span>');
  return `<span class="cites">${links.join(' ')}</span>`;
}

/**
 * Registers the helpers every brief template may use. Registered per isolated environment so
 * a custom template set cannot change what another render sees.
 */
export function registerBriefHelpers(env: typeof Handlebars): void {
  env.registerHelper('longDate', (value: unknown) => longDate(value));
  env.registerHelper('utcTime', (value: unknown) => utcTime(value));
  env.registerHelper('safeUrl', (value: unknown) => safeUrl(value));
  env.registerHelper('urlHost', (value: unknown) => urlHost(value));
  env.registerHelper('plural', (count: unknown, singular: unknown, ...rest: unknown[]) => {
    const pluralForm = rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined;
    return plural(count, String(singular), pluralForm);
  });
  env.registerHelper('citations', (sources: unknown, options: Handlebars.HelperOptions) => {
    if (!Array.isArray(sources) || sources.length === 0) return '';
    const citeOf = (options.data as Partial<CitationData> | undefined)?.citeOf;
    const citation = citeOf ? citeOf(sources) : { refs: [], missing: true };
    return new env.SafeString(citationsHtml(citation, env.escapeExpression));
  });
}

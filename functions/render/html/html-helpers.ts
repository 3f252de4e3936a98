import type Handlebars from 'handlebars';
import { formatIsoDate } from '../view/format-date';

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
  if (typeof value !== 'string') return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return date.toISOString().slice(11, 16);
}

/**
 * Returns the URL only when it is an absolute http(s) URL, else ''. Article URLs come from
 * uploads, so `javascript:`, `data:` and relative URLs must never reach an `href`.
 */
export function safeUrl(value: unknown): string {
  if (typeof value !== 'string') return '';
  const trimmed = value.trim();
  if (!/^https?:\/\//i.test(trimmed)) return '';
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '';
  } catch {
    return '';
  }
}

/** Short link text for a source URL ("forbes.com"); '' when the URL is not http(s). */
export function urlHost(value: unknown): string {
  const url = safeUrl(value);
  return url ? new URL(url).hostname.replace(/^www\./, '') : '';
}

/** "1 article" / "3 articles": counts in the masthead and actor sections read as prose. */
export function plural(count: unknown, singular: string, pluralForm?: string): string {
  const n = typeof count === 'number' ? count : Number(count);
  return `${n} ${n === 1 ? singular : (pluralForm ?? `${singular}s`)}`;
}

/** Data passed to every render so the `citations` helper can turn article ids into refs. */
export interface CitationData {
  refs: ReadonlyMap<string, number>;
}

/**
 * Citation links ("[1] [3]" pointing at `#src-1`, `#src-3`) for a list of article ids. Ids the
 * model does not know show as "[?]" instead of failing the whole brief.
 */
export function citationsHtml(
  sources: unknown,
  refs: ReadonlyMap<string, number>,
  escapeText: (text: string) => string,
): string {
  if (!Array.isArray(sources) || sources.length === 0) return '';
  const numbers = new Set<number>();
  let missing = false;
  for (const id of sources) {
    const ref = typeof id === 'string' ? refs.get(id) : undefined;
    if (ref === undefined) missing = true;
    else numbers.add(ref);
  }
  const links = [...numbers]
    .sort((a, b) => a - b)
    .map((ref) => {
      const n = escapeText(String(ref));
      return `<a class="cite" href="#src-${n}" aria-label="source ${n}">[${n}]</a>`;
    });
  if (missing) links.push('<span class="cite cite-missing" title="source not found">[?]</span>');
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
    const data = options.data as Partial<CitationData> | undefined;
    const refs = data?.refs ?? new Map<string, number>();
    return new env.SafeString(citationsHtml(sources, refs, env.escapeExpression));
  });
}

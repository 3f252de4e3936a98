import type { BriefArticle } from '../../model/types';
import { formatIsoDate } from './format-date';

/** One entry of Sources as every rendering prints it. */
export interface SourceView extends BriefArticle {
  /** The outlet, trimmed; null when unknown ("unknown source"). */
  outlet: string | null;
  /** The title, trimmed, or "untitled". */
  titleText: string;
  /** The publication date in words; null when unknown or not a real date. */
  date: string | null;
  /** The date as a reader should weigh it: "30 August 2026 (year inferred)", "date unknown". */
  dateLabel: string;
  /** The web address when it is an absolute http(s) URL, normalised; else null (never linked). */
  href: string | null;
}

/**
 * The address to put in a link: only an absolute http(s) URL, normalised (percent-encoded,
 * ASCII) by the URL parser. Anything else — `javascript:`, `file:`, `data:`, relative URLs,
 * garbage — gets null and is never linked, so a hostile upload can never plant an active link.
 */
export function webUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const trimmed = url.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Publication date as a reader should weigh it: says when the year was guessed or unknown. */
export function publishedLabel(
  article: Pick<BriefArticle, 'published' | 'publishedInferred'>,
): string {
  const date = formatIsoDate(article.published);
  if (!date) return 'date unknown';
  return article.publishedInferred ? `${date} (year inferred)` : date;
}

/** Every article the brief cites, in citation order. */
export function sourcesView(articles: readonly BriefArticle[]): SourceView[] {
  return [...articles]
    .sort((a, b) => a.ref - b.ref)
    .map((article) => ({
      ...article,
      outlet: article.source?.trim() || null,
      titleText: article.title.trim() || 'untitled',
      date: formatIsoDate(article.published),
      dateLabel: publishedLabel(article),
      href: webUrl(article.url),
    }));
}

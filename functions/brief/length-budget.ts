import type { BriefArticle, BriefItem } from '../model/types';

/**
 * A measure of printed length in body lines of the PDF (10 pt type, 13.5 pt leading, about 53
 * to a page and 92 characters to a line), close enough to cut a brief to a page budget before
 * it is laid out. The PDF renderer does the real layout; `npm run bench` prints the real page
 * counts, and a test checks 20 and 200 articles against the defaults.
 */
export const LINES_PER_PAGE = 50;
const charsPerLine = 92;

/** Pages a brief of `articles` articles may take: 4 up to 20, 10 for 200, at most 16. */
export function autoPages(articles: number): number {
  const pages = 4 + 6 * Math.log10(Math.max(1, articles) / 20);
  return Math.round(Math.min(16, Math.max(4, pages)));
}

/** An item: its text and citations, and the space after it. */
export function itemLines(item: Pick<BriefItem, 'text' | 'sources'>, extra = 0): number {
  const chars = item.text.length + 5 * item.sources.length + extra;
  return Math.ceil(chars / charsPerLine) + 0.3;
}

/** A section heading ("By actor") with the space around it. */
export const SECTION_LINES = 3.1;
/** An actor or theme heading with the space around it. */
export const HEADING_LINES = 2.2;
/** A theme label inside an actor section, or a "→ Key developments" line. */
export const REFERENCE_LINES = 1;

/** The Sources entries, in 7.5 pt type: about 107 characters to a line of 9.5 pt. */
export function sourcesLines(articles: Pick<BriefArticle, 'title' | 'source' | 'url' | 'key'>[]) {
  let points = 0;
  for (const article of articles) {
    const chars =
      article.title.length +
      (article.source?.length ?? 14) +
      30 +
      (article.url ? 20 : article.key.length + 12);
    points += Math.ceil(chars / 107) * 9.5 + 2;
  }
  return SECTION_LINES + points / 13.5;
}

/** The heat map: heading, legend, column labels and one 15 pt row per actor. */
export function heatmapLines(actors: number, themes: number): number {
  return themes === 0 || actors === 0 ? 0 : SECTION_LINES + (70 + actors * 15) / 13.5;
}

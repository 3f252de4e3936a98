import { getDocumentProxy } from 'unpdf';
import { ArticleRejectedError } from '../model/errors';
import type { OutletNames } from './outlet-names';
import { parsePlainText } from './parse-plain-text';
import type { RawArticle } from './raw-article';

/** More pages than this is a report or a book, not an article. */
export const maxPages = 100;

interface Line {
  text: string;
  y: number;
  size: number;
  page: number;
}

type TextItem = { str: string; transform: number[]; height: number; hasEOL?: boolean };

/**
 * Reads the text layer of a PDF (pdf.js through unpdf): lines rebuilt from the positioned text
 * items, running heads, footers and page numbers dropped, paragraphs split where the vertical
 * gap is wider than a line's, words hyphenated across lines joined. The title is the document's
 * own `Title` when it is a real one, else the first line set larger than the body. A password-
 * protected PDF, a PDF with no text layer (a scan) or a damaged one are rejected by name.
 */
export async function parsePdf(
  bytes: Uint8Array,
  key: string,
  outlets?: OutletNames,
): Promise<RawArticle> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    const name = (error as { name?: string }).name ?? '';
    if (name === 'PasswordException') {
      throw new ArticleRejectedError(
        `${key}: the PDF is password-protected; upload a copy without a password, or the article's text`,
      );
    }
    throw new ArticleRejectedError(
      `${key}: not a readable PDF (${describe(error)}); upload the article's text`,
    );
  }
  try {
    if (pdf.numPages > maxPages) {
      throw new ArticleRejectedError(
        `${key}: the PDF has ${pdf.numPages} pages, more than an article (the limit is ${maxPages}); upload the article's pages alone`,
      );
    }
    const lines: Line[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      lines.push(...linesOf(content.items as TextItem[], number));
    }
    const info = await pdf.getMetadata().catch(() => null);
    const meta = (info?.info ?? {}) as Record<string, unknown>;
    const body = withoutPageFurniture(lines, pdf.numPages);
    if (body.length === 0) {
      throw new ArticleRejectedError(
        `${key}: the PDF has no text layer (a scan or images only); upload the article's text`,
      );
    }
    const bodySize = median(body.map((line) => line.size));
    const declaredTitle = usableTitle(meta.Title);
    const first = body[0];
    const headingTitle =
      !declaredTitle && first && first.size > bodySize * 1.15 ? first.text : null;
    const raw = parsePlainText(paragraphsOf(body).join('\n\n'), false, outlets);
    const title = declaredTitle ?? headingTitle;
    if (title) {
      raw.title = { value: title, from: declaredTitle ? 'pdf-title' : 'pdf-heading' };
      const lead = raw.paragraphs[0]?.replace(/\s+/g, ' ').trim();
      if (lead && lead.toLowerCase() === title.toLowerCase()) raw.paragraphs.shift();
    }
    const author = typeof meta.Author === 'string' ? meta.Author.trim() : '';
    if (author && !raw.byline) raw.byline = { value: author, from: 'pdf-author' };
    const language = typeof meta.Language === 'string' ? meta.Language.trim() : '';
    if (/^[a-z]{2}\b/i.test(language))
      raw.language = { value: language.slice(0, 2).toLowerCase(), from: 'pdf-language' };
    return raw;
  } catch (error) {
    if (error instanceof ArticleRejectedError) throw error;
    // pdf.js reports a damaged page tree or content stream only when the page is read.
    throw new ArticleRejectedError(
      `${key}: not a readable PDF (${describe(error)}); upload the article's text`,
    );
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

function linesOf(items: TextItem[], page: number): Line[] {
  const lines: Line[] = [];
  let text = '';
  let y = Number.NaN;
  let size = 0;
  const flush = () => {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (clean) lines.push({ text: clean, y, size, page });
    text = '';
    y = Number.NaN;
    size = 0;
  };
  for (const item of items) {
    if (!('str' in item)) continue;
    const itemY = item.transform[5] ?? 0;
    const itemSize = Math.abs(item.transform[3] ?? 0) || item.height;
    if (text && Math.abs(itemY - y) > Math.max(size, itemSize) * 0.5) flush();
    if (!text && item.str.trim()) {
      y = itemY;
      size = itemSize;
    }
    text += item.str;
    if (item.hasEOL) flush();
  }
  flush();
  return lines;
}

/** Page numbers, and lines printed on most pages (running heads and footers), are not text. */
function withoutPageFurniture(lines: Line[], pages: number): Line[] {
  const pageNumber = /^(page\s*)?\d{1,4}(\s*(of|\/)\s*\d{1,4})?$|^[-–]\s*\d{1,4}\s*[-–]$/i;
  const counts = new Map<string, Set<number>>();
  for (const line of lines) {
    const shape = line.text.replace(/\d+/g, '#').toLowerCase();
    if (!counts.has(shape)) counts.set(shape, new Set());
    counts.get(shape)?.add(line.page);
  }
  return lines.filter((line) => {
    if (pageNumber.test(line.text)) return false;
    if (pages < 3) return true;
    const onPages = counts.get(line.text.replace(/\d+/g, '#').toLowerCase())?.size ?? 0;
    return onPages < Math.ceil(pages * 0.6);
  });
}

/** Lines into paragraphs: a wider gap, a change of type size or a short last line ends one. */
function paragraphsOf(lines: Line[]): string[] {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1], lines[i]];
    if (a && b && a.page === b.page && a.y > b.y) gaps.push(a.y - b.y);
  }
  const lineGap = median(gaps) || 14;
  const paragraphs: string[] = [];
  let current = '';
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    const breaks =
      !previous ||
      (previous.page === line.page && previous.y - line.y > lineGap * 1.4) ||
      Math.abs(previous.size - line.size) > 0.5 ||
      (previous.page !== line.page && /[.!?"”’)]$/.test(previous.text));
    if (breaks && current) {
      paragraphs.push(current);
      current = '';
    }
    if (!current) current = line.text;
    else if (/\p{L}-$/u.test(current) && /^\p{Ll}/u.test(line.text))
      current = current.slice(0, -1) + line.text;
    else current = `${current} ${line.text}`;
  });
  if (current) paragraphs.push(current);
  return paragraphs;
}

/** A `Title` entry worth showing: not empty, not a file name, not a tool's placeholder. */
function usableTitle(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const title = value.replace(/\s+/g, ' ').trim();
  if (title.length < 8 || !/\p{L}{3}/u.test(title)) return null;
  if (/^(untitled|microsoft word|document\d*|title)\b/i.test(title)) return null;
  if (/\.(docx?|pdf|rtf|odt|indd|qxd|txt)$/i.test(title)) return null;
  return title;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** pdf.js errors are not always `Error` instances: their message, or their name. */
function describe(error: unknown): string {
  const { message, name } = (error ?? {}) as { message?: unknown; name?: unknown };
  if (typeof message === 'string' && message) return message;
  return typeof name === 'string' && name ? name : 'unknown error';
}

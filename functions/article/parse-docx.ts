import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import { ArticleRejectedError } from '../model/errors';
import { blocksOf } from './extract-body';
import { checkMarkupSize, checkTree, type TreeNode } from './limits';
import type { OutletNames } from './outlet-names';
import { parsePlainText } from './parse-plain-text';
import type { RawArticle } from './raw-article';

/**
 * Reads a Word document (`.docx`) through mammoth's semantic HTML: the first "Heading 1" is the
 * title; paragraphs, headings and list items are the body; the rest of the rules (crumbs, a
 * headline-like first line, dates, datelines) are those of plain text. A file that is not a
 * readable `.docx` (an old binary `.doc` renamed, a damaged zip) is rejected by name.
 */
export async function parseDocx(
  bytes: Uint8Array,
  key: string,
  outlets?: OutletNames,
): Promise<RawArticle> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (error) {
    throw new ArticleRejectedError(
      `${key}: not a readable Word .docx file (${(error as Error).message.split('\n')[0]}); save it again as .docx or upload the article's text`,
    );
  }
  checkMarkupSize(html, key);
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  checkTree(document.documentElement as unknown as TreeNode, key);
  const heading = document.querySelector('h1');
  const title = heading?.textContent?.replace(/\s+/g, ' ').trim() || null;
  heading?.remove();
  const paragraphs = blocksOf(document.body as never).map((block) => block.text);
  const raw = parsePlainText(paragraphs.join('\n\n'), false, outlets);
  if (title) raw.title = { value: title, from: 'docx-heading' };
  return raw;
}

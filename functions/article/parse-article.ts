import { analyseArticle } from '../analysis/analyse-article';
import { ArticleRejectedError } from '../core/errors';
import type { ArticleFormat, ArticleRecord } from '../core/types';
import type { ReferenceData } from '../reference/reference-data';
import { articleId } from './article-id';
import { decodeText } from './decode';
import { detectLanguage } from './detect-language';
import { acceptedExtensions, binaryFormats, detectFormat, extensionOf } from './formats';
import { parseDocx } from './parse-docx';
import { parseEml } from './parse-eml';
import { parseHtml } from './parse-html';
import { parseJson } from './parse-json';
import { parsePdf } from './parse-pdf';
import { parsePlainText } from './parse-plain-text';
import type { RawArticle } from './raw-article';
import { resolveMetadata } from './resolve-metadata';

export interface ParseContext {
  key: string;
  edition: string;
  receivedAt: Date;
  reference: ReferenceData;
  /** Bodies shorter than this many words are not articles. */
  minWords: number;
}

/**
 * Turns one upload into an article record, or throws `ArticleRejectedError` with the reason
 * the uploader will read. Handles every accepted format; `.pdf`, `.docx` and `.eml` are read by
 * asynchronous libraries, hence the promise. Pure: bytes in, record out.
 */
export async function parseUpload(
  bytes: Uint8Array,
  context: ParseContext,
): Promise<ArticleRecord> {
  const format = checkUpload(bytes, context.key);
  const { key, reference } = context;
  switch (format) {
    case 'pdf':
      return recordOf(await parsePdf(bytes, key), format, context);
    case 'docx':
      return recordOf(await parseDocx(bytes, key), format, context);
    case 'eml': {
      const { text } = decodeText(bytes, key);
      return recordOf(await parseEml(text, key, reference.outletsByHost), format, context);
    }
    default:
      return parseArticle(bytes, context);
  }
}

/**
 * The synchronous path for uploads that are text (`.txt`, `.md`, `.html`, `.json`); throws
 * `ArticleRejectedError` like `parseUpload`. A `.pdf`, `.docx` or `.eml` needs `parseUpload`.
 */
export function parseArticle(bytes: Uint8Array, context: ParseContext): ArticleRecord {
  const { key } = context;
  const format = checkUpload(bytes, key);
  if (binaryFormats.has(format) || format === 'eml')
    throw new TypeError(`${key}: .${format} uploads are read by parseUpload, not parseArticle`);
  const { text } = decodeText(bytes, key);
  const actual = detectFormat(key, text) ?? format;
  return recordOf(parseByFormat(actual, text, key), actual, context);
}

/** The format an upload will be read as, or the rejection for an empty or unsupported file. */
function checkUpload(bytes: Uint8Array, key: string): ArticleFormat {
  if (bytes.length === 0)
    throw new ArticleRejectedError(`${key}: the file is empty; upload the article's text`);
  const format = detectFormat(key, '');
  if (!format) {
    const extension = extensionOf(key);
    const what = extension ? `.${extension} files are` : 'files without an extension are';
    throw new ArticleRejectedError(`${key}: ${what} not supported; upload ${acceptedExtensions}`);
  }
  return format;
}

function recordOf(raw: RawArticle, format: ArticleFormat, context: ParseContext): ArticleRecord {
  const { key, reference } = context;
  const metadata = resolveMetadata(raw, {
    receivedAt: context.receivedAt,
    isKnownPlace: (name) => reference.placeNames.has(name.toLowerCase()),
    outletsByHost: reference.outletsByHost,
  });
  const body = metadata.paragraphs.join('\n\n');
  const words = body.split(/\s+/).filter(Boolean).length;
  if (words === 0)
    throw new ArticleRejectedError(
      `${key}: no article text could be extracted from the file; upload the article's text, or the saved page with its text`,
    );
  if (words < context.minWords) {
    throw new ArticleRejectedError(
      `${key}: too short to be an article (${words} words; at least ${context.minWords} are needed)`,
    );
  }
  const analysis = analyseArticle(metadata.title, metadata.paragraphs, reference);
  const language = raw.language?.value ?? detectLanguage(body);
  return {
    id: articleId(body),
    key,
    edition: context.edition,
    receivedAt: context.receivedAt.toISOString(),
    format,
    title: metadata.title,
    source: metadata.source,
    url: metadata.url,
    published: metadata.published,
    publishedInferred: metadata.publishedInferred,
    dateline: metadata.dateline,
    byline: metadata.byline,
    language,
    text: body,
    actors: analysis.actors,
    themes: analysis.themes,
    sentences: analysis.sentences,
    provenance: { ...metadata.provenance, language: raw.language?.from ?? 'detected' },
  };
}

function parseByFormat(format: ArticleFormat, text: string, key: string): RawArticle {
  switch (format) {
    case 'html':
      return parseHtml(text);
    case 'json':
      return parseJson(text, key);
    case 'md':
      return parsePlainText(text, true);
    default:
      return parsePlainText(text, false);
  }
}

import { ArticleRejectedError } from '../model/errors';
import type { ArticleFormat, ArticleRecord } from '../model/types';
import { articleId } from './article-id';
import { decodeText } from './decode';
import { detectLanguage } from './detect-language';
import { acceptedExtensions, detectFormat, extensionOf, isDocumentFormat } from './formats';
import { checkBody, checkTextSize, splitLongLine } from './limits';
import { type OutletNames, outletNames } from './outlet-names';
import { parseHtml } from './parse-html';
import { parseJson } from './parse-json';
import { parsePlainText } from './parse-plain-text';
import type { RawArticle } from './raw-article';
import type { ReadDocument } from './read-document';
import { resolveMetadata } from './resolve-metadata';

/** What the metadata rules need to know of the world: place names for datelines, outlets by host. */
export interface PlacesAndOutlets {
  /** Lower-case names of capitals and countries ("washington"). */
  placeNames: ReadonlySet<string>;
  outletsByHost: ReadonlyMap<string, string>;
}

export interface ParseContext {
  key: string;
  edition: string;
  receivedAt: Date;
  reference: PlacesAndOutlets;
  /** Bodies shorter than this many words are not articles. */
  minWords: number;
  /**
   * Called between the stages of reading (after decoding, after the format's parser, after the
   * metadata rules) with the stage just done; throws `ArticleRejectedError` when the upload's
   * time is up.
   */
  checkpoint?: (stage: string) => void;
  /**
   * Reads `.pdf`, `.docx` and `.eml` uploads (`readDocument` of read-document.ts). Absent in
   * the ingest function, which hands those uploads to the documents function unread.
   */
  readDocument?: ReadDocument;
}

/** An upload read into clean text and metadata: an article record before analysis. */
export interface ParsedArticle {
  article: Omit<ArticleRecord, 'actors' | 'themes' | 'sentences'>;
  /** The body's paragraphs (`article.text` is them joined by blank lines), lead first. */
  paragraphs: string[];
}

/**
 * Reads one upload into text and metadata, or throws `ArticleRejectedError` with the reason
 * the uploader will read. Handles every accepted format; `.pdf`, `.docx` and `.eml` are read by
 * the context's asynchronous document readers, hence the promise. Pure: bytes in, text and
 * metadata out.
 */
export async function parseUpload(
  bytes: Uint8Array,
  context: ParseContext,
): Promise<ParsedArticle> {
  const format = checkUpload(bytes, context.key);
  if (!isDocumentFormat(format)) return parseTextUpload(bytes, context);
  if (!context.readDocument)
    throw new TypeError(
      `${context.key}: .${format} uploads are read by the documents function, which has the readers`,
    );
  const raw = await context.readDocument(
    format,
    bytes,
    context.key,
    context.reference.outletsByHost,
  );
  return parsedOf(raw, format, context);
}

/**
 * The synchronous path of `parseUpload` for uploads that are text (`.txt`, `.md`, `.html`,
 * `.json`); throws `ArticleRejectedError` like it. A `.pdf`, `.docx` or `.eml` needs `parseUpload`.
 */
export function parseTextUpload(bytes: Uint8Array, context: ParseContext): ParsedArticle {
  const { key } = context;
  const format = checkUpload(bytes, key);
  if (isDocumentFormat(format))
    throw new TypeError(`${key}: .${format} uploads are read by parseUpload, not parseTextUpload`);
  const { text } = decodeText(bytes, key);
  const actual = detectFormat(key, text) ?? format;
  checkTextSize(text, actual, key);
  context.checkpoint?.('decoding');
  const outlets = outletNames(context.reference.outletsByHost);
  return parsedOf(parseByFormat(actual, text, key, outlets), actual, context);
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

function parsedOf(raw: RawArticle, format: ArticleFormat, context: ParseContext): ParsedArticle {
  const { key, reference } = context;
  context.checkpoint?.(`reading the .${format} file`);
  // Every format's paragraphs are bounded (in length, number, size and repetition) before the
  // metadata rules read them.
  raw.paragraphs = raw.paragraphs.flatMap((paragraph) => splitLongLine(paragraph));
  checkBody(raw.paragraphs, raw.paragraphs.join('\n\n'), key);
  const metadata = resolveMetadata(raw, {
    receivedAt: context.receivedAt,
    isKnownPlace: (name) => reference.placeNames.has(name.toLowerCase()),
    outletsByHost: reference.outletsByHost,
  });
  context.checkpoint?.('finding the title, source and date');
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
  const language = raw.language?.value ?? detectLanguage(body);
  return {
    paragraphs: metadata.paragraphs,
    article: {
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
      provenance: { ...metadata.provenance, language: raw.language?.from ?? 'detected' },
    },
  };
}

function parseByFormat(
  format: ArticleFormat,
  text: string,
  key: string,
  outlets: OutletNames,
): RawArticle {
  switch (format) {
    case 'html':
      return parseHtml(text, key);
    case 'json':
      return parseJson(text, key);
    case 'md':
      return parsePlainText(text, true, outlets);
    default:
      return parsePlainText(text, false, outlets);
  }
}

import { analyseArticle } from '../analysis/analyse-article';
import { ArticleRejectedError } from '../core/errors';
import type { ArticleFormat, ArticleRecord } from '../core/types';
import type { ReferenceData } from '../reference/reference-data';
import { articleId } from './article-id';
import { decodeText } from './decode';
import { detectLanguage } from './detect-language';
import { acceptedExtensions, detectFormat, extensionOf } from './formats';
import { parseHtml } from './parse-html';
import { parseJson } from './parse-json';
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
 * the uploader will read. Pure: bytes in, record out.
 */
export function parseArticle(bytes: Uint8Array, context: ParseContext): ArticleRecord {
  const { key, reference } = context;
  if (bytes.length === 0)
    throw new ArticleRejectedError(`${key}: the file is empty; upload the article's text`);
  const format = detectFormat(key, '');
  if (!format) {
    const extension = extensionOf(key);
    const what = extension ? `.${extension} files are` : 'files without an extension are';
    throw new ArticleRejectedError(`${key}: ${what} not supported; upload ${acceptedExtensions}`);
  }
  const { text } = decodeText(bytes, key);
  const raw = parseByFormat(detectFormat(key, text) ?? format, text, key);
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
    format: detectFormat(key, text) ?? format,
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
    case 'txt':
      return parsePlainText(text, false);
  }
}

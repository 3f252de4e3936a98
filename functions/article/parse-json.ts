import type { ErrorObject } from 'ajv';
import { ArticleRejectedError } from '../model/errors';
import { lazyAjv } from '../model/lazy-ajv';
import { checkParagraphCount } from './limits';
import { parseHtml, textOfMarkup } from './parse-html';
import { emptyRawArticle, type RawArticle } from './raw-article';

/** The documented JSON export schema (README, "Uploading articles"). */
export const articleJsonSchema = {
  type: 'object',
  properties: {
    title: { type: 'string', maxLength: 1000 },
    body: { type: 'string' },
    text: { type: 'string' },
    content: { type: 'string' },
    url: { type: 'string', maxLength: 4000 },
    source: { type: 'string', maxLength: 500 },
    published: { type: 'string', maxLength: 100 },
    author: {
      anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    },
    language: { type: 'string', maxLength: 35 },
  },
  anyOf: [{ required: ['body'] }, { required: ['text'] }, { required: ['content'] }],
} as const;

const validate = lazyAjv({ allErrors: true }).compile(articleJsonSchema);

interface ArticleJson {
  title?: string;
  body?: string;
  text?: string;
  content?: string;
  url?: string;
  source?: string;
  published?: string;
  author?: string | string[];
  language?: string;
}

/** Parses a structured JSON export; schema errors are reported field by field. */
export function parseJson(text: string, key: string): RawArticle {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ArticleRejectedError(
      `${key}: not valid JSON (${(error as Error).message}); fix the file or upload the text as .txt`,
    );
  }
  if (!validate(data)) {
    throw new ArticleRejectedError(
      `${key}: the JSON does not match the article schema: ${describeErrors(validate.errors ?? [])}; fix these fields (see "Uploading articles" in the README)`,
    );
  }
  const article = data as ArticleJson;
  const body = article.body ?? article.text ?? article.content ?? '';
  const raw = /<\/?(p|div|br|article|section)\b/i.test(body)
    ? parseHtml(`<!doctype html><html><body><article>${body}</article></body></html>`, key)
    : { ...emptyRawArticle(), paragraphs: plainParagraphs(body, key) };
  const from = 'json';
  const found = (value: string | undefined) =>
    value?.trim() ? { value: value.trim(), from } : null;
  return {
    paragraphs: raw.paragraphs,
    title: found(article.title),
    url: found(article.url),
    source: found(article.source),
    published: found(article.published),
    byline: found(Array.isArray(article.author) ? article.author.join(', ') : article.author),
    language: found(article.language?.slice(0, 2).toLowerCase()),
  };
}

/** The paragraphs of a body without block markup; their count is bounded before each is read. */
function plainParagraphs(body: string, key: string): string[] {
  const paragraphs = splitParagraphs(body);
  checkParagraphCount(paragraphs.length, key);
  return paragraphs.map(withoutInlineMarkup).filter(Boolean);
}

const inlineTag = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/i;

/** CMS exports often keep inline markup (`said <em>no</em>`) without any paragraph tags. */
function withoutInlineMarkup(paragraph: string): string {
  return inlineTag.test(paragraph) ? textOfMarkup(paragraph) : paragraph;
}

function splitParagraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n|\n(?=\s*\S)/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

function describeErrors(errors: ErrorObject[]): string {
  const messages = errors
    .filter((error) => error.keyword !== 'anyOf' || error.instancePath !== '')
    .map((error) =>
      error.keyword === 'required'
        ? null
        : `${error.instancePath.slice(1) || 'the document'} ${error.message ?? 'is invalid'}`,
    )
    .filter(Boolean);
  const needsBody = errors.some((error) => error.keyword === 'required');
  if (needsBody) messages.push('one of "body", "text" or "content" is required');
  return [...new Set(messages)].join('; ');
}

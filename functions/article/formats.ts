import type { ArticleFormat } from '../model/types';

const formatByExtension: Record<string, ArticleFormat> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  json: 'json',
  pdf: 'pdf',
  docx: 'docx',
  eml: 'eml',
};

/** Formats read from their bytes by an asynchronous parser (`parseUpload`), not as decoded text. */
export const binaryFormats: ReadonlySet<ArticleFormat> = new Set(['pdf', 'docx']);

/** What an uploader may drop, for rejection messages. */
export const acceptedExtensions = '.txt, .md, .html, .htm, .json, .pdf, .docx or .eml';

export function extensionOf(key: string): string {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * The format to parse an upload as: by extension, except that a `.txt` holding a saved web page
 * is read as HTML. Null when the extension is not supported.
 */
export function detectFormat(key: string, text: string): ArticleFormat | null {
  const format = formatByExtension[extensionOf(key)];
  if (format === 'txt' && /^\s*(<!doctype html|<html[\s>])/i.test(text)) return 'html';
  return format ?? null;
}

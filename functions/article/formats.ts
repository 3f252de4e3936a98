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

/** The formats a document reader reads (pdf.js, mammoth, mailparser; `ReadDocument`). */
export type DocumentFormat = 'pdf' | 'docx' | 'eml';

const documentFormats: ReadonlySet<ArticleFormat> = new Set<DocumentFormat>(['pdf', 'docx', 'eml']);

/**
 * Whether an upload is read by a document reader rather than as text. Those readers are most of
 * a package, so the ingest function hands such uploads to a function of their own (README
 * "Deployment package").
 */
export function isDocumentFormat(format: ArticleFormat | null): format is DocumentFormat {
  return format !== null && documentFormats.has(format);
}

/** Whether an upload's key names a PDF, Word or e-mail file (see `isDocumentFormat`). */
export function isDocumentKey(key: string): boolean {
  return isDocumentFormat(detectFormat(key, ''));
}

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

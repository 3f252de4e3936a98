import { decodeText } from './decode';
import type { DocumentFormat } from './formats';
import { outletNames } from './outlet-names';
import type { OutletsByHost } from './parse-eml';
import type { RawArticle } from './raw-article';

/**
 * Reads a PDF, Word or e-mail upload into a raw article; `ArticleRejectedError` when it cannot.
 * Handed to `parseUpload` by whoever reads such files (`ParseContext.readDocument`).
 */
export type ReadDocument = (
  format: DocumentFormat,
  bytes: Uint8Array,
  key: string,
  outletsByHost: OutletsByHost,
) => Promise<RawArticle>;

/**
 * The document readers: pdf.js, mammoth and mailparser, each imported when its first file
 * arrives (they are most of a cold start's loading). Only what imports this module bundles
 * them: the CLI, `npm run dev` and the documents function, not the ingest function.
 */
export const readDocument: ReadDocument = async (format, bytes, key, outletsByHost) => {
  switch (format) {
    case 'pdf': {
      const { parsePdf } = await import('./parse-pdf');
      return parsePdf(bytes, key, outletNames(outletsByHost));
    }
    case 'docx': {
      const { parseDocx } = await import('./parse-docx');
      return parseDocx(bytes, key, outletNames(outletsByHost));
    }
    case 'eml': {
      const { parseEml } = await import('./parse-eml');
      return parseEml(decodeText(bytes, key).text, key, outletsByHost);
    }
  }
};

import {
  type ParseContext,
  parseUpload as parseAnyUpload,
  parseTextUpload,
} from '../../functions/article/parse-upload';
import { readDocument } from '../../functions/article/read-document';
import type { ArticleRecord } from '../../functions/model/types';
import { recordArticle } from '../../functions/pipeline/record-article';
import type { ReferenceData } from '../../functions/reference/reference-data';
import { reference } from './reference';

/** The upload time every parsing test uses, unless it sets its own. */
export const receivedAt = new Date('2026-11-22T08:00:00Z');

/** Parses and analyses a text upload as ingest would on 2026-11-22, with our reference data. */
export function parseUpload(
  bytes: Uint8Array,
  key: string,
  overrides: Partial<Omit<ParseContext, 'reference'>> & { reference?: ReferenceData } = {},
): ArticleRecord {
  const data = overrides.reference ?? reference();
  const context: ParseContext = {
    key,
    edition: '2026-11-22',
    receivedAt,
    minWords: 30,
    ...overrides,
    reference: data,
  };
  return recordOfText(bytes, { ...context, reference: data });
}

type RecordContext = Omit<ParseContext, 'reference'> & { reference: ReferenceData };

/** The records of named text uploads (`incoming/<name>`), as ingest makes them. */
export function recordsOfUploads(
  uploads: { name: string; body: string }[],
  context: Omit<RecordContext, 'key'>,
): ArticleRecord[] {
  return uploads.map((upload) =>
    recordOfText(new TextEncoder().encode(upload.body), {
      ...context,
      key: `incoming/${upload.name}`,
    }),
  );
}

/** Parses and analyses any upload (PDF, Word and e-mail too), as ingest does. */
export async function recordOfUpload(
  bytes: Uint8Array,
  context: RecordContext,
): Promise<ArticleRecord> {
  return recordArticle(
    await parseAnyUpload(bytes, { readDocument, ...context }),
    context.reference,
  );
}

/** Parses and analyses a text upload, as ingest does, synchronously. */
export function recordOfText(bytes: Uint8Array, context: RecordContext): ArticleRecord {
  return recordArticle(parseTextUpload(bytes, context), context.reference);
}

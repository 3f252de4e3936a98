import { lazyAjv } from '../model/lazy-ajv';
import type { ArticleRecord, RejectionRecord } from '../model/types';
import type { Store } from '../store/store';
import type { CarrierRecord } from './ingest';

const nullableString = { type: ['string', 'null'] } as const;
const strings = { type: 'array', items: { type: 'string' } } as const;

/**
 * The fields of an article record the brief reads (docs/design.md "The article record"), with
 * their types: enough that a record which passes cannot make the build throw. Other fields are
 * not checked.
 */
const articleRecordSchema = {
  type: 'object',
  required: [
    'id',
    'key',
    'receivedAt',
    'title',
    'source',
    'url',
    'published',
    'publishedInferred',
    'language',
    'text',
    'actors',
    'themes',
    'sentences',
  ],
  properties: {
    id: { type: 'string', minLength: 1 },
    key: { type: 'string', minLength: 1 },
    receivedAt: { type: 'string' },
    title: { type: 'string' },
    source: nullableString,
    url: nullableString,
    published: nullableString,
    publishedInferred: { type: 'boolean' },
    language: { type: 'string' },
    text: { type: 'string' },
    actors: strings,
    themes: strings,
    sentences: {
      type: 'array',
      items: {
        type: 'object',
        required: ['text', 'actors', 'themes', 'principal', 'paragraph', 'score'],
        properties: {
          text: { type: 'string' },
          actors: strings,
          themes: strings,
          principal: nullableString,
          paragraph: { type: 'integer', minimum: 0 },
          score: { type: 'number' },
        },
      },
    },
  },
} as const;

const rejectionRecordSchema = {
  type: 'object',
  required: ['key', 'reason', 'edition'],
  properties: { key: { type: 'string' }, reason: { type: 'string' }, edition: { type: 'string' } },
} as const;

/** A carrier (`articles/_carriers/`): which upload carries which article record. */
const carrierRecordSchema = {
  type: 'object',
  required: ['id', 'key', 'edition', 'receivedAt', 'recordKey'],
  properties: {
    id: { type: 'string' },
    key: { type: 'string' },
    edition: { type: 'string' },
    receivedAt: { type: 'string' },
    recordKey: { type: 'string' },
  },
} as const;

/** A check of a record's shape: ajv's validator, with its first error when it fails. */
export type RecordShape<T> = ((data: unknown) => data is T) & {
  errors?: { instancePath: string; message?: string }[] | null;
};

const ajv = lazyAjv();
export const articleRecordShape: RecordShape<ArticleRecord> = ajv.compile<ArticleRecord>(
  articleRecordSchema as object,
);
export const carrierRecordShape: RecordShape<CarrierRecord> = ajv.compile<CarrierRecord>(
  carrierRecordSchema as object,
);
export const rejectionRecordShape: RecordShape<RejectionRecord> = ajv.compile<RejectionRecord>(
  rejectionRecordSchema as object,
);

/** Told of each object that is not a readable record: its key and why ("not valid JSON: …"). */
export type SkipRecord = (key: string, reason: string) => void;

/**
 * What reading one stored object gave: the record, or why it is none (`skipped`), with the
 * ETag and size of the bytes read (the listing's for an object that was not read).
 */
export type RecordOutcome<T> = { etag: string; size: number } & (
  | { record: T; skipped?: undefined }
  | { record?: undefined; skipped: string }
);

/**
 * One stored record, or null: when the object has gone since it was listed, or when it is not
 * a record of the expected shape (not `.json`, not JSON, not of `shape`), in which case `skip`
 * is told its key and why. Store errors propagate.
 */
export async function readRecord<T>(
  store: Store,
  key: string,
  shape: RecordShape<T>,
  skip: SkipRecord,
): Promise<T | null> {
  const outcome = await readRecordOutcome(store, { key, etag: '', size: 0 }, shape);
  if (outcome?.skipped !== undefined) skip(key, outcome.skipped);
  return outcome?.record ?? null;
}

/**
 * `readRecord` of a listed object, telling rather than reporting why it is no record (so
 * reads can run in parallel and their warnings still come in the listing's order); null when
 * the object has gone since it was listed.
 */
export async function readRecordOutcome<T>(
  store: Store,
  listed: { key: string; etag: string; size: number },
  shape: RecordShape<T>,
): Promise<RecordOutcome<T> | null> {
  const { key } = listed;
  if (!key.endsWith('.json'))
    return { etag: listed.etag, size: listed.size, skipped: 'not a .json object' };
  const read = await store.getWithEtag(key);
  if (!read) return null;
  const { etag } = read;
  const size = read.body.byteLength;
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(read.body));
  } catch (error) {
    return { etag, size, skipped: `not valid JSON: ${(error as Error).message}` };
  }
  const problem = shapeProblem(data, shape);
  return problem === null ? { etag, size, record: data as T } : { etag, size, skipped: problem };
}

/** Why `data` is not of `shape` ("sentences.0.text must be string"), or null when it is. */
export function shapeProblem<T>(data: unknown, shape: RecordShape<T>): string | null {
  if (shape(data)) return null;
  const [first] = shape.errors ?? [];
  const where = first?.instancePath
    ? first.instancePath.slice(1).replaceAll('/', '.')
    : 'the object';
  return `${where} ${first?.message ?? 'is invalid'}`;
}

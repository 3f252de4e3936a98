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
  if (!key.endsWith('.json')) {
    skip(key, 'not a .json object');
    return null;
  }
  const bytes = await store.get(key);
  if (!bytes) return null;
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    skip(key, `not valid JSON: ${(error as Error).message}`);
    return null;
  }
  if (!shape(data)) {
    const [first] = shape.errors ?? [];
    const where = first?.instancePath
      ? first.instancePath.slice(1).replaceAll('/', '.')
      : 'the object';
    skip(key, `${where} ${first?.message ?? 'is invalid'}`);
    return null;
  }
  return data;
}

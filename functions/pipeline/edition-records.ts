import Ajv from 'ajv';
import type { ArticleRecord, RejectionRecord } from '../model/types';
import { editionArticlesPrefix, rejectedPrefix } from '../store/bucket-layout';
import type { Store } from '../store/store';
import type { PipelineDeps } from './pipeline-deps';

/** An edition's records: what the brief is built from. */
export interface EditionInputs {
  articles: ArticleRecord[];
  /** Rejected uploads, and the edition's objects that are no article record (see `readArticles`). */
  rejected: RejectionRecord[];
}

const nullableString = { type: ['string', 'null'] } as const;
const strings = { type: 'array', items: { type: 'string' } } as const;

/**
 * The fields of an article record the brief reads (docs/design.md "The article record"), with
 * their types: enough that a record which passes cannot make the build throw. Other fields
 * are not checked.
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

const ajv = new Ajv({ allErrors: false });
const isArticleRecord = ajv.compile<ArticleRecord>(articleRecordSchema);
const isRejectionRecord = ajv.compile<RejectionRecord>(rejectionRecordSchema);

/**
 * The read stage of compile: the edition's article records and the rejections filed under it.
 * An object under `articles/<edition>/` that is not a readable article record (not JSON, not
 * of the record's shape, not `.json` at all) is skipped: a warning names its key, and it is
 * listed with the rejected uploads, so the brief's "Not included" counts it. A malformed
 * rejection record, whose edition cannot be told, is skipped with a warning.
 */
export async function readEdition(deps: PipelineDeps, edition: string): Promise<EditionInputs> {
  const { articles, unreadable } = await readArticles(deps, edition);
  const at = deps.clock().toISOString();
  const skipped = unreadable.map(
    ({ key, reason }): RejectionRecord => ({ key, reason: `${key}: ${reason}`, at, edition }),
  );
  return { articles, rejected: [...(await readRejections(deps, edition)), ...skipped] };
}

interface Unreadable {
  key: string;
  reason: string;
}

/** When a file was fixed and uploaded again, its newest record wins. */
async function readArticles(
  deps: PipelineDeps,
  edition: string,
): Promise<{ articles: ArticleRecord[]; unreadable: Unreadable[] }> {
  const byKey = new Map<string, ArticleRecord>();
  const unreadable: Unreadable[] = [];
  for (const key of await deps.store.list(editionArticlesPrefix(edition))) {
    const read = await readRecord(deps.store, key, isArticleRecord, 'an article record');
    if ('reason' in read) {
      unreadable.push({ key, reason: read.reason });
      warn(deps, `compile skipped ${key}: ${read.reason}`, { key, edition });
      continue;
    }
    if (!read.record) continue;
    const record = read.record;
    const existing = byKey.get(record.key);
    if (!existing || existing.receivedAt < record.receivedAt) byKey.set(record.key, record);
  }
  return { articles: [...byKey.values()], unreadable };
}

async function readRejections(deps: PipelineDeps, edition: string): Promise<RejectionRecord[]> {
  const records: RejectionRecord[] = [];
  for (const key of await deps.store.list(rejectedPrefix)) {
    const read = await readRecord(deps.store, key, isRejectionRecord, 'a rejection record');
    if ('reason' in read) {
      warn(deps, `compile skipped ${key}: ${read.reason}`, { key, edition });
      continue;
    }
    if (read.record?.edition === edition) records.push(read.record);
  }
  return records;
}

/**
 * One record: `{ record }` (null when the object has gone since it was listed), or `{ reason }`
 * when it is not a record of the expected shape. Store errors propagate.
 */
async function readRecord<T>(
  store: Store,
  key: string,
  valid: ((data: unknown) => data is T) & {
    errors?: { instancePath: string; message?: string }[] | null;
  },
  what: string,
): Promise<{ record: T | null } | { reason: string }> {
  if (!key.endsWith('.json')) return { reason: `not ${what} (not a .json object); skipped` };
  const bytes = await store.get(key);
  if (!bytes) return { record: null };
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    return { reason: `not ${what} (not valid JSON: ${(error as Error).message}); skipped` };
  }
  if (!valid(data)) {
    const [first] = valid.errors ?? [];
    const where = first?.instancePath
      ? first.instancePath.slice(1).replaceAll('/', '.')
      : 'the object';
    return { reason: `not ${what} (${where} ${first?.message ?? 'is invalid'}); skipped` };
  }
  return { record: data };
}

function warn(deps: PipelineDeps, message: string, fields: Record<string, unknown>): void {
  deps.warn?.(message, fields);
}

import { buildBrief } from '../brief/build-brief';
import type { ArticleRecord, BriefModel, RejectionRecord } from '../model/types';
import {
  type BriefFormat,
  type BriefKeys,
  briefFormats,
  briefKeys,
  editionArticlesPrefix,
  latestKeys,
  rejectedPrefix,
} from '../store/bucket-layout';
import type { Store } from '../store/store';
import type { PipelineDeps } from './pipeline-deps';
import {
  articleRecordShape,
  readRecord,
  rejectionRecordShape,
  type SkipRecord,
} from './record-reader';

export type CompileOutcome =
  | { status: 'built'; edition: string; model: BriefModel; keys: string[] }
  | { status: 'unchanged'; edition: string; model: BriefModel; keys: string[] };

export interface CompileOptions {
  /** Rebuild even when the inputs have not changed since the last build. */
  force?: boolean;
}

/** An edition's records: what the brief is built from. */
interface EditionInputs {
  articles: ArticleRecord[];
  /** Rejected uploads, and the edition's objects that are no article record (see `read`). */
  rejected: RejectionRecord[];
}

/** A brief in every format, ready to be written. */
type BriefFiles = Record<BriefFormat, string | Uint8Array>;

const contentTypes: Record<BriefFormat, string> = {
  json: 'application/json',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

/**
 * Compiles one edition. The stages: read its article and rejection records, build the brief
 * model, render it to HTML and PDF, publish `briefs/<edition>/brief.{json,html,pdf}` and
 * `briefs/latest.*` (unless a newer edition is already there). With unchanged inputs nothing
 * is rendered or rewritten, so a repeated schedule or event changes nothing.
 */
export async function compile(
  deps: PipelineDeps,
  edition: string,
  options: CompileOptions = {},
): Promise<CompileOutcome> {
  const { store } = deps;
  const inputs = await read(deps, edition);
  const model = build(deps, edition, inputs);
  const keys = briefKeys(edition);
  const previous = await readJson<BriefModel>(store, keys.json);
  if (!options.force && previous?.inputsHash === model.inputsHash) {
    return { status: 'unchanged', edition, model: previous, keys: keyList(keys) };
  }
  const files = await render(deps, model);
  return { status: 'built', edition, model, keys: await publish(store, model, files) };
}

/**
 * The read stage: the edition's article and rejection records. An object under
 * `articles/<edition>/` that is not a readable article record (not `.json`, not JSON, not of
 * the record's shape: `record-reader.ts`) is skipped with a warning naming its key, and listed
 * with the rejected uploads, so the brief's "Not included" counts it. A rejection record that
 * cannot be read (whose edition cannot be told) is skipped with a warning.
 */
async function read(deps: PipelineDeps, edition: string): Promise<EditionInputs> {
  const { store } = deps;
  const unreadable: RejectionRecord[] = [];
  const at = deps.clock().toISOString();
  const warn = (key: string, reason: string) =>
    deps.warn?.(`compile skipped ${key}: ${reason}`, { key, edition });
  const skipArticle: SkipRecord = (key, reason) => {
    warn(key, reason);
    unreadable.push({
      key,
      reason: `${key}: not an article record (${reason}); skipped`,
      at,
      edition,
    });
  };
  return {
    articles: await readArticles(store, edition, skipArticle),
    rejected: [...(await readRejections(store, edition, warn)), ...unreadable],
  };
}

/** The build stage: the brief model of the edition. */
function build(deps: PipelineDeps, edition: string, inputs: EditionInputs): BriefModel {
  return buildBrief({
    edition,
    generatedAt: deps.clock(),
    ...inputs,
    reference: deps.reference,
    options: deps.settings.brief,
  });
}

/** The render stage: the model as JSON, HTML and PDF. */
async function render(deps: PipelineDeps, model: BriefModel): Promise<BriefFiles> {
  const html = deps.renderers.html(model);
  const pdf = await deps.renderers.pdf(model);
  return { json: JSON.stringify(model, null, 2), html, pdf };
}

/**
 * The publish stage: writes the edition's brief, and `briefs/latest.*` unless a newer edition
 * is there. Returns the keys written.
 */
async function publish(store: Store, model: BriefModel, files: BriefFiles): Promise<string[]> {
  const keys = briefKeys(model.edition);
  await writeBrief(store, keys, files);
  const latest = await readJson<BriefModel>(store, latestKeys.json);
  if (latest && latest.edition > model.edition) return keyList(keys);
  await writeBrief(store, latestKeys, files);
  return [...keyList(keys), ...keyList(latestKeys)];
}

async function writeBrief(store: Store, keys: BriefKeys, files: BriefFiles): Promise<void> {
  for (const format of briefFormats)
    await store.put(keys[format], files[format], contentTypes[format]);
}

const keyList = (keys: BriefKeys): string[] => briefFormats.map((format) => keys[format]);

/** When a file was fixed and uploaded again, its newest record wins. */
async function readArticles(
  store: Store,
  edition: string,
  skip: SkipRecord,
): Promise<ArticleRecord[]> {
  const byKey = new Map<string, ArticleRecord>();
  for (const key of await store.list(editionArticlesPrefix(edition))) {
    const record = await readRecord(store, key, articleRecordShape, skip);
    if (!record) continue;
    const existing = byKey.get(record.key);
    if (!existing || existing.receivedAt < record.receivedAt) byKey.set(record.key, record);
  }
  return [...byKey.values()];
}

async function readRejections(
  store: Store,
  edition: string,
  skip: SkipRecord,
): Promise<RejectionRecord[]> {
  const records: RejectionRecord[] = [];
  for (const key of await store.list(rejectedPrefix)) {
    const record = await readRecord(store, key, rejectionRecordShape, skip);
    if (record?.edition === edition) records.push(record);
  }
  return records;
}

async function readJson<T>(store: Store, key: string): Promise<T | null> {
  const bytes = await store.get(key);
  return bytes ? (JSON.parse(new TextDecoder().decode(bytes)) as T) : null;
}

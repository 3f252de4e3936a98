import { buildBrief } from '../brief/build-brief';
import type { ArticleRecord, BriefModel, RejectionRecord } from '../model/types';
import { readManifest } from '../store/brief-manifest';
import type { Store } from '../store/store';
import { legacyRejections } from './legacy-rejections';
import { newestUploads } from './newest-uploads';
import type { PipelineDeps } from './pipeline-deps';
import { type BriefFiles, publish, repair } from './publish';
import { type ReadEditionOptions, readEditionRecords } from './read-edition';
import type { SkipRecord } from './record-reader';

/**
 * `built`: this compile published its build. `unchanged`: the published build has the same
 * inputs, and the copies and latest manifest were in order. `repaired`: the same, but a
 * publish had been left undone (a copy or the latest manifest) and was finished.
 * `superseded`: a build of as many or more records was published meanwhile (a concurrent
 * compile); this one's stays unpublished. `model` is always the published brief.
 */
export type CompileOutcome = {
  status: 'built' | 'unchanged' | 'repaired' | 'superseded';
  edition: string;
  model: BriefModel;
  keys: string[];
};

export interface CompileOptions {
  /** Rebuild even when the inputs have not changed since the last build. */
  force?: boolean;
}

/** An edition's records: what the brief is built from. */
interface EditionInputs {
  articles: ArticleRecord[];
  /** Rejected uploads, and the edition's objects that are no article record (see `read`). */
  rejected: RejectionRecord[];
  /** How many record objects were read (records, carriers, rejections): never fewer in a later read (see publish.ts). */
  count: number;
  /** The published brief of the most recent earlier edition, for day over day; null when none. */
  previous: BriefModel | null;
}

/** How many days back the previous edition is looked for: a week's gap (a holiday) is bridged. */
const previousDays = 7;

/**
 * Compiles one edition. The stages: read its article and rejection records (and the previous
 * edition's published brief, for day over day), build the brief
 * model, render it to HTML and PDF, publish it (pipeline/publish.ts: the build under its own
 * keys, then the edition's manifest by compare-and-swap, then `latest`, then the copies
 * `briefs/<edition>/brief.*` and `briefs/latest.*`). With the inputs of the published build,
 * nothing is rendered; what an earlier publish left undone is repaired.
 */
export async function compile(
  deps: PipelineDeps,
  edition: string,
  options: CompileOptions = {},
): Promise<CompileOutcome> {
  const inputs = await readEditionInputs(deps, edition);
  try {
    return await buildAndPublish(deps, edition, inputs, options);
  } finally {
    // The records snapshot is written while the brief is built; a compile ends with it.
    await inputs.saved;
  }
}

async function buildAndPublish(
  deps: PipelineDeps,
  edition: string,
  inputs: EditionInputs,
  options: CompileOptions,
): Promise<CompileOutcome> {
  const { store } = deps;
  const model = build(deps, edition, inputs);
  const published = await readPublished(store, edition);
  if (published?.model && !options.force && published.manifest.inputsHash === model.inputsHash) {
    const keys = await repair(store, published.manifest);
    const status = keys.length > 0 ? 'repaired' : 'unchanged';
    return { status, edition, model: published.model, keys };
  }
  // A manifest whose build is gone is replaced even by a build of the same inputs.
  const force = options.force === true || (published !== null && published.model === null);
  const files = await render(deps, model);
  const now = deps.clock();
  const result = await publish(store, { model, files, inputs: inputs.count, force, now });
  if (result.status === 'published') return { status: 'built', edition, model, keys: result.keys };
  const winner = await readJson<BriefModel>(store, result.manifest.files.json.key);
  return { status: 'superseded', edition, model: winner ?? model, keys: result.keys };
}

/**
 * The read stage: the edition's article records, carriers and rejection records
 * (`read-edition.ts`: in parallel, reusing what the last compile read of the objects that
 * have not changed since), its rejections of the old layout (`legacy-rejections.ts`), and
 * what each upload key holds now (its newest upload: `newestUploads`). An object under
 * `articles/<edition>/` that is not a readable article record (not `.json`, not JSON, not of
 * the record's shape: `record-reader.ts`) is skipped with a warning naming its key, and listed
 * with the rejected uploads, so the brief's "Not included" counts it. A carrier or rejection
 * record that cannot be read is skipped with a warning. `saved` is the snapshot's write.
 */
export async function readEditionInputs(
  deps: PipelineDeps,
  edition: string,
  options: ReadEditionOptions = {},
): Promise<EditionInputs & { saved: Promise<void> }> {
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
  const snapshot = (message: string) => deps.warn?.(`compile: ${message}`, { edition });
  const [read, legacy, previous] = await Promise.all([
    readEditionRecords(store, edition, { article: skipArticle, other: warn, snapshot }, options),
    legacyRejections(store, edition, warn),
    readPreviousBrief(store, edition),
  ]);
  const { records, carriers } = read;
  const rejections = [...legacy, ...read.rejections];
  const newest = newestUploads({ records, carriers, rejections });
  return {
    articles: newest.articles,
    rejected: [...newest.rejected, ...unreadable],
    count: records.length + carriers.length + rejections.length + unreadable.length,
    previous,
    saved: read.saved,
  };
}

/**
 * The published brief of the most recent edition before this one, for day over day: the
 * manifest of each day before, back to `previousDays` (one small read a day, the first hit
 * ends it; the same in the folder store and the bucket), then its build's `brief.json`.
 */
async function readPreviousBrief(store: Store, edition: string): Promise<BriefModel | null> {
  const day = Date.parse(`${edition}T00:00:00Z`);
  if (Number.isNaN(day)) return null;
  for (let back = 1; back <= previousDays; back++) {
    const earlier = new Date(day - back * 86_400_000).toISOString().slice(0, 10);
    const published = await readManifest(store, earlier);
    if (published) return readJson<BriefModel>(store, published.manifest.files.json.key);
  }
  return null;
}

/** The build stage: the brief model of the edition. */
function build(deps: PipelineDeps, edition: string, inputs: EditionInputs): BriefModel {
  return buildBrief({
    edition,
    generatedAt: deps.clock(),
    articles: inputs.articles,
    rejected: inputs.rejected,
    previous: inputs.previous,
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

/** The edition's published manifest and its model (null if its build is gone), or null. */
async function readPublished(store: Store, edition: string) {
  const published = await readManifest(store, edition);
  if (!published) return null;
  const model = await readJson<BriefModel>(store, published.manifest.files.json.key);
  return { manifest: published.manifest, model };
}

async function readJson<T>(store: Store, key: string): Promise<T | null> {
  const bytes = await store.get(key);
  return bytes ? (JSON.parse(new TextDecoder().decode(bytes)) as T) : null;
}

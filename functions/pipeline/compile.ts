import { buildBrief } from '../brief/build-brief';
import type { BriefModel } from '../model/types';
import {
  type BriefFormat,
  type BriefKeys,
  briefFormats,
  briefKeys,
  latestKeys,
} from '../store/bucket-layout';
import type { Store } from '../store/store';
import { type EditionInputs, readEdition } from './edition-records';
import type { PipelineDeps } from './pipeline-deps';

export type CompileOutcome =
  | { status: 'built'; edition: string; model: BriefModel; keys: string[] }
  | { status: 'unchanged'; edition: string; model: BriefModel; keys: string[] };

export interface CompileOptions {
  /** Rebuild even when the inputs have not changed since the last build. */
  force?: boolean;
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
  const inputs = await readEdition(deps, edition);
  const model = build(deps, edition, inputs);
  const keys = briefKeys(edition);
  const previous = await readJson<BriefModel>(store, keys.json);
  if (!options.force && previous?.inputsHash === model.inputsHash) {
    return { status: 'unchanged', edition, model: previous, keys: keyList(keys) };
  }
  const files = await render(deps, model);
  return { status: 'built', edition, model, keys: await publish(store, model, files) };
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

async function readJson<T>(store: Store, key: string): Promise<T | null> {
  const bytes = await store.get(key);
  return bytes ? (JSON.parse(new TextDecoder().decode(bytes)) as T) : null;
}

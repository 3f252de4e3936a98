import { buildBrief } from '../brief/build-brief';
import type { ArticleRecord, BriefModel, RejectionRecord } from '../model/types';
import type { Store } from '../store/store';
import type { PipelineDeps } from './pipeline-deps';

export type CompileOutcome =
  | { status: 'built'; edition: string; model: BriefModel; keys: string[] }
  | { status: 'unchanged'; edition: string; model: BriefModel; keys: string[] };

export interface CompileOptions {
  /** Rebuild even when the inputs have not changed since the last build. */
  force?: boolean;
}

/**
 * Compiles one edition: reads its article and rejection records, builds the brief model and
 * writes `briefs/<edition>/brief.{json,html,pdf}`; `briefs/latest.*` follow unless a newer
 * edition is already there. With unchanged inputs nothing is rewritten, so a repeated
 * schedule or event changes nothing.
 */
export async function compile(
  deps: PipelineDeps,
  edition: string,
  options: CompileOptions = {},
): Promise<CompileOutcome> {
  const { store } = deps;
  const articles = await readArticles(store, edition);
  const rejected = await readRejections(store, edition);
  const model = buildBrief({
    edition,
    generatedAt: deps.clock(),
    articles,
    rejected,
    reference: deps.reference,
    options: deps.settings.brief,
  });
  const prefix = `briefs/${edition}/brief`;
  const keys = [`${prefix}.json`, `${prefix}.html`, `${prefix}.pdf`];
  const previous = await readJson<BriefModel>(store, `${prefix}.json`);
  if (!options.force && previous?.inputsHash === model.inputsHash) {
    return { status: 'unchanged', edition, model: previous, keys };
  }
  const html = deps.renderers.html(model);
  const pdf = await deps.renderers.pdf(model);
  const body = JSON.stringify(model, null, 2);
  await store.put(`${prefix}.json`, body, 'application/json');
  await store.put(`${prefix}.html`, html, 'text/html; charset=utf-8');
  await store.put(`${prefix}.pdf`, pdf, 'application/pdf');
  const latest = await readJson<BriefModel>(store, 'briefs/latest.json');
  if (!latest || latest.edition <= edition) {
    await store.put('briefs/latest.json', body, 'application/json');
    await store.put('briefs/latest.html', html, 'text/html; charset=utf-8');
    await store.put('briefs/latest.pdf', pdf, 'application/pdf');
    keys.push('briefs/latest.json', 'briefs/latest.html', 'briefs/latest.pdf');
  }
  return { status: 'built', edition, model, keys };
}

/** The edition's records; when a file was fixed and uploaded again, its newest record wins. */
async function readArticles(store: Store, edition: string): Promise<ArticleRecord[]> {
  const byKey = new Map<string, ArticleRecord>();
  for (const key of await store.list(`articles/${edition}/`)) {
    if (!key.endsWith('.json')) continue;
    const record = await readJson<ArticleRecord>(store, key);
    if (!record) continue;
    const existing = byKey.get(record.key);
    if (!existing || existing.receivedAt < record.receivedAt) byKey.set(record.key, record);
  }
  return [...byKey.values()];
}

async function readRejections(store: Store, edition: string): Promise<RejectionRecord[]> {
  const records: RejectionRecord[] = [];
  for (const key of await store.list('rejected/')) {
    const record = await readJson<RejectionRecord>(store, key);
    if (record?.edition === edition) records.push(record);
  }
  return records;
}

async function readJson<T>(store: Store, key: string): Promise<T | null> {
  const bytes = await store.get(key);
  return bytes ? (JSON.parse(new TextDecoder().decode(bytes)) as T) : null;
}

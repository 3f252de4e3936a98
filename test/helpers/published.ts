import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { BriefModel } from '../../functions/model/types';
import { type BriefManifest, readManifest } from '../../functions/store/brief-manifest';
import { briefFormats, briefKeys, latestKeys } from '../../functions/store/bucket-layout';
import type { Store } from '../../functions/store/store';

const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');

/**
 * Asserts that what readers see of `edition` is one build: the manifest's three build files,
 * the copies `briefs/<edition>/brief.*` (and `briefs/latest.*` when the latest manifest names
 * this edition) byte for byte those files, and the latest manifest never behind. Returns the
 * published model and manifest.
 */
export async function expectOneBuild(
  store: Store,
  edition: string,
): Promise<{ model: BriefModel; manifest: BriefManifest }> {
  const manifest = (await readManifest(store, edition))?.manifest;
  expect(manifest, `${edition} has a manifest`).toBeDefined();
  if (!manifest) throw new Error('unreachable');
  const latest = (await readManifest(store, 'latest'))?.manifest;
  expect(latest, 'there is a latest manifest').toBeDefined();
  if (!latest) throw new Error('unreachable');
  expect(latest.edition >= edition, 'latest is not behind this edition').toBe(true);
  if (latest.edition === edition) expect(latest).toEqual(manifest);
  const copies =
    latest.edition === edition ? [briefKeys(edition), latestKeys] : [briefKeys(edition)];
  for (const format of briefFormats) {
    const file = manifest.files[format];
    const bytes = await store.get(file.key);
    expect(bytes && md5(bytes), `${file.key} is the build the manifest names`).toBe(file.md5);
    for (const keys of copies) {
      const copy = await store.get(keys[format]);
      expect(copy && md5(copy), `${keys[format]} is a copy of ${file.key}`).toBe(file.md5);
    }
  }
  const model = JSON.parse(
    new TextDecoder().decode((await store.get(manifest.files.json.key)) ?? new Uint8Array()),
  ) as BriefModel;
  expect(model.inputsHash).toBe(manifest.inputsHash);
  expect(model.edition).toBe(edition);
  const html = new TextDecoder().decode(
    (await store.get(manifest.files.html.key)) ?? new Uint8Array(),
  );
  for (const article of model.articles.slice(0, 20))
    expect(html, `the HTML of the build lists ${article.key}`).toContain(escapeHtml(article.title));
  return { model, manifest };
}

/** The article keys of a model, asserting none appears twice (and no article id twice). */
export function articleKeysOnce(model: BriefModel): string[] {
  const keys = model.articles.map((article) => article.key);
  expect(new Set(keys).size, 'every upload at most once').toBe(keys.length);
  const ids = model.articles.map((article) => article.id);
  expect(new Set(ids).size, 'every article (text) at most once').toBe(ids.length);
  return keys;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');
}

import { createHash } from 'node:crypto';
import { StoreError } from '../model/errors';
import type { BriefModel } from '../model/types';
import { type BriefManifest, readManifest, type TaggedManifest } from '../store/brief-manifest';
import {
  type BriefFormat,
  type BriefKeys,
  briefBuildKeys,
  briefFormats,
  briefKeys,
  editionManifestKey,
  latestKeys,
  latestManifestKey,
} from '../store/bucket-layout';
import type { Store } from '../store/store';

/**
 * Publishing a brief (docs/design.md "Publishing"), so that readers never see two builds
 * mixed, a slower compile never replaces a newer brief, and what a failed or lost publish
 * left behind is repaired by the next compile:
 *
 * 1. the build's three files go to keys of their own, `briefs/<edition>/builds/<build>/`
 *    (`build` is a hash of its JSON), never rewritten;
 * 2. the edition's manifest, `briefs/<edition>/manifest.json`, is switched to the build with
 *    a compare-and-swap (If-Match on the ETag read, If-None-Match for the first), and only if
 *    the build read at least as many records as the one it replaces: a compile that read
 *    fewer records has lost, whenever it finishes;
 * 3. `briefs/latest-manifest.json` follows the newest edition's manifest the same way, never
 *    back to an older edition or an earlier generation of the same one;
 * 4. the convenience copies `briefs/<edition>/brief.*` and `briefs/latest.*` are rewritten
 *    from whatever build the manifests name, until they match them (ETag = MD5 of the bytes).
 *
 * Step 4 runs on every compile, even when the inputs are unchanged (`repair`), and so does
 * step 3: a publish that failed after its manifest is finished by the next one.
 */

/** A brief in every format, ready to be written. */
export type BriefFiles = Record<BriefFormat, string | Uint8Array>;

export interface PublishRequest {
  model: BriefModel;
  files: BriefFiles;
  /** How many record objects the build read (see BriefManifest.inputs). */
  inputs: number;
  /** Replace a manifest built from as many records with other contents (a forced rebuild). */
  force?: boolean;
  now: Date;
}

export interface PublishResult {
  /** `superseded`: the edition's manifest names a build of as many or more records; ours stays unpublished. */
  status: 'published' | 'superseded';
  /** The edition's manifest after this publish: ours, or the one that won. */
  manifest: BriefManifest;
  /** Every key written. */
  keys: string[];
}

export const contentTypes: Record<BriefFormat, string> = {
  json: 'application/json',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

/** Attempts at a compare-and-swap before giving up (each loss means another writer won). */
const casAttempts = 10;

/** Writes the build, then switches the manifests to it if it is the newest, then the copies. */
export async function publish(store: Store, request: PublishRequest): Promise<PublishResult> {
  const { model, files } = request;
  const candidate = manifestOf(request);
  const buildKeys = briefBuildKeys(model.edition, candidate.build);
  // Each step's requests at once: at S3's ~20 ms a request, one after another they were most
  // of a compile's publishing time.
  await Promise.all(
    briefFormats.map((format) => store.put(buildKeys[format], files[format], contentTypes[format])),
  );
  const keys: string[] = briefFormats.map((format) => buildKeys[format]);
  const settled = await settleEdition(store, candidate, request.force === true);
  if (settled.won) keys.push(editionManifestKey(model.edition));
  const own = { build: candidate.build, files };
  keys.push(...(await repair(store, settled.manifest, own)));
  return { status: settled.won ? 'published' : 'superseded', manifest: settled.manifest, keys };
}

/**
 * Brings the latest manifest and the copies in line with the edition's published build:
 * what a publish that failed halfway, or a slower one that lost, may have left undone or
 * stale. Returns the keys written (none when all was in order).
 */
export async function repair(
  store: Store,
  manifest: BriefManifest,
  own?: { build: string; files: BriefFiles },
): Promise<string[]> {
  const keys: string[] = [];
  if (await settleLatest(store, manifest)) keys.push(latestManifestKey);
  // The edition's copies and the latest ones are other keys, each checked against its manifest.
  const copies = await Promise.all([
    syncCopies(store, briefKeys(manifest.edition), manifest.edition, own),
    syncCopies(store, latestKeys, 'latest', own),
  ]);
  keys.push(...copies.flat());
  return keys;
}

/**
 * True when `candidate` should replace `current` as the edition's manifest: there is none, or
 * the candidate read more records, or as many with other contents (a rejection's reason
 * rewritten, other options) or on purpose (`force`). Never a build of fewer records.
 */
export function supersedes(
  candidate: Pick<BriefManifest, 'build' | 'inputs' | 'inputsHash'>,
  current: BriefManifest | null,
  force: boolean,
): boolean {
  if (!current) return true;
  if (candidate.build === current.build) return false;
  if (candidate.inputs !== current.inputs) return candidate.inputs > current.inputs;
  return force || candidate.inputsHash !== current.inputsHash;
}

/** True when `latest` should move to the edition's manifest: a newer edition, or a later generation of its own. */
export function latestShouldMove(edition: BriefManifest, latest: BriefManifest | null): boolean {
  if (!latest) return true;
  if (latest.edition !== edition.edition) return edition.edition > latest.edition;
  return latest.build !== edition.build && edition.generation > latest.generation;
}

function manifestOf(request: PublishRequest): Omit<BriefManifest, 'generation'> {
  const { model, files, inputs, now } = request;
  const bytes = Object.fromEntries(
    briefFormats.map((format) => [format, asBytes(files[format])]),
  ) as Record<BriefFormat, Uint8Array>;
  const build = createHash('sha256').update(bytes.json).digest('hex').slice(0, 16);
  const keys = briefBuildKeys(model.edition, build);
  const described = (format: BriefFormat) => ({
    key: keys[format],
    md5: md5(bytes[format]),
    size: bytes[format].byteLength,
  });
  return {
    edition: model.edition,
    build,
    inputsHash: model.inputsHash,
    inputs,
    articles: model.stats.articles,
    rejected: model.rejected.length,
    generatedAt: model.generatedAt,
    publishedAt: now.toISOString(),
    files: { json: described('json'), html: described('html'), pdf: described('pdf') },
  };
}

/** The compare-and-swap of the edition's manifest; returns the manifest in force afterwards. */
async function settleEdition(
  store: Store,
  candidate: Omit<BriefManifest, 'generation'>,
  force: boolean,
): Promise<{ manifest: BriefManifest; won: boolean }> {
  const key = editionManifestKey(candidate.edition);
  for (let attempt = 0; attempt < casAttempts; attempt++) {
    const current = await readManifest(store, candidate.edition);
    if (current && !supersedes(candidate, current.manifest, force))
      return { manifest: current.manifest, won: false };
    const manifest: BriefManifest = {
      ...candidate,
      generation: (current?.manifest.generation ?? 0) + 1,
    };
    if (await store.putIfMatch(key, json(manifest), current?.etag ?? null, contentTypes.json))
      return { manifest, won: true };
  }
  throw new StoreError(`${key}: ${casAttempts} compare-and-swaps lost in a row; try again`);
}

/** Moves the latest manifest to the edition's, if that is newer; true when it moved. */
async function settleLatest(store: Store, edition: BriefManifest): Promise<boolean> {
  for (let attempt = 0; attempt < casAttempts; attempt++) {
    const current: TaggedManifest | null = await readManifest(store, 'latest');
    if (!latestShouldMove(edition, current?.manifest ?? null)) return false;
    if (await store.putIfMatch(latestManifestKey, json(edition), current?.etag ?? null))
      return true;
  }
  throw new StoreError(
    `${latestManifestKey}: ${casAttempts} compare-and-swaps lost in a row; try again`,
  );
}

/**
 * Rewrites the copies at `copyKeys` that differ from the build the manifest (re-read each
 * round) names, until they all match it. A copy written by a slower compile after a newer
 * one's is caught by that compile's next round. Gives up quietly after a few rounds if the
 * manifest keeps moving: whoever moves it runs this too.
 */
async function syncCopies(
  store: Store,
  copyKeys: BriefKeys,
  manifestOf: string | 'latest',
  own?: { build: string; files: BriefFiles },
): Promise<string[]> {
  const written: string[] = [];
  for (let round = 0; round < 5; round++) {
    const manifest = (await readManifest(store, manifestOf))?.manifest;
    if (!manifest) return written;
    const matches = await Promise.all(
      briefFormats.map((format) => copyMatches(store, copyKeys[format], manifest.files[format])),
    );
    const stale = briefFormats.filter((_, index) => !matches[index]);
    if (stale.length === 0) return written;
    await Promise.all(
      stale.map(async (format) => {
        const file = manifest.files[format];
        const bytes = own?.build === manifest.build ? own.files[format] : await store.get(file.key);
        if (bytes === null)
          throw new StoreError(
            `${file.key} of the published build ${manifest.build} of ${manifest.edition} is missing`,
          );
        await store.put(copyKeys[format], bytes, contentTypes[format]);
      }),
    );
    written.push(...stale.map((format) => copyKeys[format]));
  }
  return written;
}

/** True when the object at `key` is the file the manifest describes (by ETag, else by its bytes). */
async function copyMatches(
  store: Store,
  key: string,
  file: { md5: string; size: number },
): Promise<boolean> {
  const head = await store.head(key);
  if (!head || head.size !== file.size) return false;
  if (head.etag && /^[0-9a-f]{32}$/.test(head.etag)) return head.etag === file.md5;
  // Multipart or KMS-encrypted objects have other ETags: compare the bytes.
  const bytes = await store.get(key);
  return bytes !== null && md5(bytes) === file.md5;
}

function asBytes(body: string | Uint8Array): Uint8Array {
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
}

function md5(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('hex');
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

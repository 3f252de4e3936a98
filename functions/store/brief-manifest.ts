import { StoreError } from '../model/errors';
import {
  type BriefFormat,
  type BriefKeys,
  briefFormats,
  editionManifestKey,
  latestManifestKey,
} from './bucket-layout';
import type { Store } from './store';

/**
 * The manifest of a published brief (docs/design.md "Publishing"): which build of an edition
 * is its brief. `briefs/<edition>/manifest.json` names the edition's build;
 * `briefs/latest-manifest.json` is a copy of the newest edition's manifest. Both are small
 * objects written last, with a compare-and-swap, so a reader who goes through a manifest
 * always gets the three files of one build.
 */
export interface BriefManifest {
  edition: string;
  /** The build's id: a hash of its JSON; its files are under `briefs/<edition>/builds/<build>/`. */
  build: string;
  /** The brief model's `inputsHash` (its records and options). */
  inputsHash: string;
  /**
   * How many record objects the build read (article records, carriers, the edition's
   * rejections). Records are never deleted, so a later read never counts fewer: a build from
   * fewer records is older and never replaces this one.
   */
  inputs: number;
  /** 1 for an edition's first published build, one more at each replacement. */
  generation: number;
  articles: number;
  rejected: number;
  generatedAt: string;
  publishedAt: string;
  /** Each file of the build: its key, the MD5 of its bytes (the S3 ETag) and its size. */
  files: Record<BriefFormat, { key: string; md5: string; size: number }>;
}

/** A manifest as read, with the ETag a compare-and-swap of it needs. */
export interface TaggedManifest {
  manifest: BriefManifest;
  etag: string;
}

/** The edition's manifest (or the latest one, with `"latest"`), with its ETag; null if none. */
export async function readManifest(
  store: Store,
  edition: string | 'latest',
): Promise<TaggedManifest | null> {
  const key = edition === 'latest' ? latestManifestKey : editionManifestKey(edition);
  const read = await store.getWithEtag(key);
  if (!read) return null;
  try {
    const manifest = JSON.parse(new TextDecoder().decode(read.body)) as BriefManifest;
    if (typeof manifest.build !== 'string' || typeof manifest.generation !== 'number')
      throw new Error('no build or generation');
    return { manifest, etag: read.etag };
  } catch (error) {
    throw new StoreError(`${key} is not a brief manifest: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** The keys of the edition's published build, or null when nothing is published. */
export async function publishedBriefKeys(
  store: Store,
  edition: string,
): Promise<{ build: string; inputsHash: string; keys: BriefKeys } | null> {
  const read = await readManifest(store, edition);
  if (!read) return null;
  const { files, build, inputsHash } = read.manifest;
  const keys = Object.fromEntries(briefFormats.map((format) => [format, files[format].key]));
  return { build, inputsHash, keys: keys as BriefKeys };
}

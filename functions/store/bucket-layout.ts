/**
 * The bucket layout (README "How it works", docs/design.md): every key and prefix the functions
 * read or write, in one place. Nobody else spells a key; `serverless.yml` (the IAM scopes) and
 * `infra/bucket.yml` (the lifecycle rules) repeat the top-level prefixes in YAML and point here.
 *
 * ```
 * incoming/<name>                          an upload, as uploaded (never touched)
 * articles/<edition>/<id>.json             an article record
 * articles/_ids/<id>.json                  the claim on an article id (conditional write)
 * articles/_carriers/<edition>/<id>/<h>.json  another upload of an edition carrying article <id>
 * articles/_pending/<edition>.json         the draft marker: an upload changed the edition
 * rejected/<edition>/<upload key>.json     why an upload of the edition was not used
 * rejected/<edition>/_long/<hash>-<name>.json  the same, for an upload key too long to repeat
 * rejected/incoming/…, rejected/_long/…    the same in the layout before editions (read once)
 * briefs/<edition>/builds/<build>/brief.{json,html,pdf}  one build of an edition (never rewritten)
 * briefs/<edition>/manifest.json           the edition's published build (compare-and-swap)
 * briefs/latest-manifest.json              the newest edition's published build (compare-and-swap)
 * briefs/<edition>/brief.{json,html,pdf}   copies of the edition's published build
 * briefs/<edition>/draft-state.json        the draft marker the last draft build consumed
 * briefs/<edition>/records-snapshot.json   the edition's records as the last compile read them
 * briefs/<edition>/legacy-rejections.json  the edition's rejections filed in the old layout
 * briefs/legacy-rejections.json            which editions have those (written once)
 * briefs/latest.{json,html,pdf}            copies of the newest edition's published build
 * deliveries/<edition>/<list>.json         a list's delivery of an edition (once only)
 * deliveries/<edition>/<list>.claim.json   the claim taken before sending (compare-and-swap)
 * deliveries/<edition>/<list>.failed.json  the last failed delivery to a list
 * deliveries/<edition>/published-<hash>.json  the "brief published" announcement of one brief
 * deliveries/<edition>/published.failed.json  the last failed announcement
 * config/recipients.yaml                   who gets the brief (BRIEF_RECIPIENTS_KEY)
 * ```
 */
import { createHash } from 'node:crypto';

/** Uploads: the only prefix that triggers ingest (the S3 notification filters on it). */
export const uploadsPrefix = 'incoming/';
/** Article records, id claims and draft markers: what ingest writes besides rejections. */
export const articlesPrefix = 'articles/';
/** Rejection records, one per unusable upload. */
export const rejectedPrefix = 'rejected/';
/** Compiled briefs, per edition and latest. */
export const briefsPrefix = 'briefs/';
/** Delivery and announcement records. */
export const deliveriesPrefix = 'deliveries/';
/** Files the team edits in the bucket (recipients). */
export const configPrefix = 'config/';

/** The formats a brief is written in. */
export type BriefFormat = 'json' | 'html' | 'pdf';
export const briefFormats: readonly BriefFormat[] = ['json', 'html', 'pdf'];
/** One key per format of a brief. */
export type BriefKeys = Record<BriefFormat, string>;

/** True for a key ingest should read: an upload under `incoming/`. */
export const isUploadKey = (key: string): boolean => key.startsWith(uploadsPrefix);

/** The key of an upload named `name` (a file name, or a relative path with `/`). */
export const uploadKey = (name: string): string => `${uploadsPrefix}${name}`;

/** The name an upload was given: its key without `incoming/`. */
export const uploadName = (key: string): string =>
  isUploadKey(key) ? key.slice(uploadsPrefix.length) : key;

/** The folder of an edition's article records (also the prefix to list them). */
export const editionArticlesPrefix = (edition: string): string => `${articlesPrefix}${edition}/`;

/** An article record: `articles/<edition>/<id>.json`. */
export const articleKey = (edition: string, id: string): string =>
  `${editionArticlesPrefix(edition)}${id}.json`;

/** The claim on an article id, written once by whoever ingests that text first. */
export const articleClaimKey = (id: string): string => `${articlesPrefix}_ids/${id}.json`;

/** The carriers of an edition (the prefix to list them). */
export const carriersPrefix = (edition: string): string => `${articlesPrefix}_carriers/${edition}/`;

/**
 * A carrier: an upload of the edition whose text is article `id`, recorded in
 * `articles/<edition>/<id>.json` under another upload (or an earlier upload of the same key).
 * `event` is a hash naming the upload event, so a redelivered event writes nothing new.
 */
export const carrierKey = (edition: string, id: string, event: string): string =>
  `${carriersPrefix(edition)}${id}/${event}.json`;

/**
 * The draft marker of an edition, rewritten whenever an upload changes it. It lives under
 * `articles/` because that is where ingest may write (least privilege).
 */
export const pendingKey = (edition: string): string => `${articlesPrefix}_pending/${edition}.json`;

/** The folder of an edition's rejection records (also the prefix to list them). */
export const editionRejectedPrefix = (edition: string): string => `${rejectedPrefix}${edition}/`;

/**
 * Where rejection records were filed before they were filed by edition
 * (`rejected/<upload key>.json`, `rejected/_long/…`): upload keys all start with `incoming/`.
 * Nothing writes there any more; compile reads it once (pipeline/legacy-rejections.ts).
 */
export const legacyRejectedPrefixes: readonly string[] = [
  `${rejectedPrefix}${uploadsPrefix}`,
  `${rejectedPrefix}_long/`,
];

/** S3's limit on the length of a key, in bytes of UTF-8. */
export const maxKeyBytes = 1024;
/** The local store keeps each `/`-separated part of a key as a file or folder name: 255 bytes. */
const maxNameBytes = 255;

const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;

/** True when S3 takes the key and the local store can hold it (no part over 255 bytes). */
export const keyFits = (key: string): boolean =>
  utf8Bytes(key) <= maxKeyBytes && key.split('/').every((part) => utf8Bytes(part) <= maxNameBytes);

/**
 * The rejection record of an upload of an edition: `rejected/<edition>/<upload key>.json`, so
 * that a compile lists its edition's alone. When that would not fit (an upload key over
 * 999 bytes, or a file name over 250 bytes), `rejected/<edition>/_long/<hash>-<name>.json`:
 * 32 hex digits of SHA-256 of the upload key, then the file name cut to 100 bytes so a reader
 * of the listing can tell them apart. The record itself keeps the full key. Upload keys all
 * start with `incoming/`, so the two forms never meet.
 */
export const rejectionKey = (edition: string, upload: string): string => {
  const key = `${editionRejectedPrefix(edition)}${upload}.json`;
  if (keyFits(key)) return key;
  const hash = createHash('sha256').update(upload).digest('hex').slice(0, 32);
  const name = cutToBytes(upload.split('/').at(-1) ?? '', 100);
  return `${editionRejectedPrefix(edition)}_long/${hash}-${name}.json`;
};

/** The text cut to at most `bytes` bytes of UTF-8, never inside a character. */
function cutToBytes(text: string, bytes: number): string {
  let cut = '';
  let used = 0;
  for (const char of text) {
    used += utf8Bytes(char);
    if (used > bytes) break;
    cut += char;
  }
  return cut;
}

/** An edition's brief in one format: `briefs/<edition>/brief.<format>`. */
export const briefKey = (edition: string, format: BriefFormat): string =>
  `${briefsPrefix}${edition}/brief.${format}`;

/** An edition's brief in every format. */
export const briefKeys = (edition: string): BriefKeys => ({
  json: briefKey(edition, 'json'),
  html: briefKey(edition, 'html'),
  pdf: briefKey(edition, 'pdf'),
});

/** The newest edition's brief, in every format. */
export const latestKeys: BriefKeys = {
  json: `${briefsPrefix}latest.json`,
  html: `${briefsPrefix}latest.html`,
  pdf: `${briefsPrefix}latest.pdf`,
};

/**
 * One build of an edition: `briefs/<edition>/builds/<build>/brief.<format>`, where `build` is
 * a hash of the build's JSON. Written once, before the manifest that may point at it.
 */
export const briefBuildKeys = (edition: string, build: string): BriefKeys => ({
  json: `${briefsPrefix}${edition}/builds/${build}/brief.json`,
  html: `${briefsPrefix}${edition}/builds/${build}/brief.html`,
  pdf: `${briefsPrefix}${edition}/builds/${build}/brief.pdf`,
});

/** The folder of an edition's builds. */
export const editionBuildsPrefix = (edition: string): string => `${briefsPrefix}${edition}/builds/`;

/** The folder of a build's files, which also holds the filtered briefs of its lists. */
export const briefBuildPrefix = (edition: string, build: string): string =>
  `${editionBuildsPrefix(edition)}${build}/`;

/** A distribution list's own (filtered) brief of one build: `…/builds/<build>/lists/<list>.<format>`. */
export const listBriefKey = (
  edition: string,
  build: string,
  list: string,
  format: BriefFormat,
): string => `${briefBuildPrefix(edition, build)}lists/${list}.${format}`;

/** The manifest of an edition: which build is its published brief (see pipeline/publish.ts). */
export const editionManifestKey = (edition: string): string =>
  `${briefsPrefix}${edition}/manifest.json`;

/** The manifest of the newest edition: a copy of that edition's manifest. */
export const latestManifestKey = `${briefsPrefix}latest-manifest.json`;

/** What the last draft build of an edition consumed: the marker's content when it started. */
export const draftStateKey = (edition: string): string =>
  `${briefsPrefix}${edition}/draft-state.json`;

/**
 * The records an edition's last compile read (key, ETag, parsed record), so the next compile
 * reads only the objects listed with another ETag (pipeline/records-snapshot.ts).
 */
export const recordsSnapshotKey = (edition: string): string =>
  `${briefsPrefix}${edition}/records-snapshot.json`;

/** The rejection records of an edition found in the old layout, copied by the migration. */
export const legacyRejectionsKey = (edition: string): string =>
  `${briefsPrefix}${edition}/legacy-rejections.json`;

/** Written once the old layout's rejections are copied: which editions have any. */
export const legacyRejectionsIndexKey = `${briefsPrefix}legacy-rejections.json`;

/** The record of a list's delivery of an edition; its existence means "sent". */
export const deliveryKey = (edition: string, list: string): string =>
  `${deliveriesPrefix}${edition}/${list}.json`;

/**
 * The claim on a list's delivery of an edition, taken (conditionally) before the message is
 * sent, so that two runs cannot both send it.
 */
export const deliveryClaimKey = (edition: string, list: string): string =>
  `${deliveriesPrefix}${edition}/${list}.claim.json`;

/** The record of the last failed delivery of an edition to a list. */
export const deliveryFailureKey = (edition: string, list: string): string =>
  `${deliveriesPrefix}${edition}/${list}.failed.json`;

/** The record of the announcement of one brief of an edition (by its inputs hash). */
export const announcementKey = (edition: string, inputsHash: string): string =>
  `${deliveriesPrefix}${edition}/published-${inputsHash.slice(0, 16)}.json`;

/** The record of the last failed announcement of an edition. */
export const announcementFailureKey = (edition: string): string =>
  `${deliveriesPrefix}${edition}/published.failed.json`;

/** Where the recipients file is unless BRIEF_RECIPIENTS_KEY says otherwise. */
export const defaultRecipientsKey = `${configPrefix}recipients.yaml`;

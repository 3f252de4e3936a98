import type { UploadVersion } from '../model/types';

/** One upload of a key, as a record of it says: when it arrived and which version it was. */
export interface UploadEvent {
  receivedAt: string;
  upload?: UploadVersion;
}

/**
 * Orders two uploads of the same key: positive when `a` is the later one. S3 orders the events
 * of one key by their `sequencer` (hex strings of any length: right-padded with zeros, then
 * compared as text, as the S3 documentation says); without sequencers, by arrival time. Two
 * uploads of different keys are not ordered by this.
 */
export function compareUploads(a: UploadEvent, b: UploadEvent): number {
  const sa = a.upload?.sequencer;
  const sb = b.upload?.sequencer;
  if (sa && sb && sa !== sb) {
    const width = Math.max(sa.length, sb.length);
    const pa = sa.toUpperCase().padEnd(width, '0');
    const pb = sb.toUpperCase().padEnd(width, '0');
    if (pa !== pb) return pa < pb ? -1 : 1;
  }
  if (a.receivedAt !== b.receivedAt) return a.receivedAt < b.receivedAt ? -1 : 1;
  return 0;
}

/** True when both name the same upload event (a redelivered event, or a retried ingest). */
export function sameUpload(a: UploadEvent, b: UploadEvent): boolean {
  if (a.upload?.sequencer || b.upload?.sequencer)
    return a.upload?.sequencer === b.upload?.sequencer && a.receivedAt === b.receivedAt;
  return a.receivedAt === b.receivedAt && a.upload?.versionId === b.upload?.versionId;
}

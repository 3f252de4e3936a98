import type { BriefModel } from '../model/types';
import {
  announcementFailureKey,
  announcementKey,
  deliveryClaimKey,
  deliveryFailureKey,
  deliveryKey,
} from '../store/bucket-layout';
import type { Store } from '../store/store';

/**
 * The records delivery keeps in the store, under `deliveries/<edition>/`: they make each list
 * get an edition once and each brief be announced once, and they say what failed.
 */

/** A list's delivery of an edition; its existence means "sent". */
export interface SentRecord {
  edition: string;
  list: string;
  status: 'sent';
  at: string;
  /** The sender's kind: "ses", "smtp". */
  via: string;
  messageId: string | null;
  attempts: number;
  subject: string;
  recipients: string[];
  inputsHash: string;
  resent: boolean;
}

/** The last failed delivery of an edition to a list. */
export interface SendFailureRecord {
  edition: string;
  list: string;
  status: 'failed';
  at: string;
  via: string;
  attempts: number;
  permanent: boolean;
  error: string;
  subject: string;
  recipients: number;
}

/** The announcement of one brief (one inputs hash) of an edition. */
export interface AnnouncementRecord {
  edition: string;
  at: string;
  messageId: string | null;
}

/** The last failed announcement of an edition. */
export interface AnnouncementFailureRecord {
  edition: string;
  at: string;
  attempts: number;
  error: string;
}

const json = 'application/json';
const pretty = (record: object) => JSON.stringify(record, null, 2);

/**
 * The claim a run takes on a list's delivery before it sends (`deliveries/<edition>/<list>.claim.json`):
 * `sending` until `leaseUntil`, then `sent` or `failed`. Taken and changed only by
 * compare-and-swap, so of two runs at once exactly one sends; the other sees `sending` and
 * leaves the list alone. A run that died while sending leaves a `sending` claim whose lease
 * runs out: the next run takes it over and sends (at least once, rather than never).
 */
export interface DeliveryClaim {
  edition: string;
  list: string;
  status: 'sending' | 'sent' | 'failed';
  /** Who holds it: a random id per run and list. */
  owner: string;
  at: string;
  leaseUntil: string;
  inputsHash: string;
  resend: boolean;
}

/** A claim held by this run, with the ETag its next change must match. */
export interface HeldClaim {
  claim: DeliveryClaim;
  etag: string;
}

export type ClaimResult =
  | { claimed: true; held: HeldClaim }
  | { claimed: false; reason: 'already-sent' | 'in-progress'; holder: DeliveryClaim | null };

/** A claim's lease: longer than a compile (300 s) with all its send retries. */
export const claimLeaseMs = 15 * 60 * 1000;

/**
 * Claims the list's delivery for this run. Refused while another run's `sending` lease lasts,
 * and when the list was sent already (unless `resend`); a `failed` claim, or a lapsed one, is
 * taken over.
 */
export async function claimDelivery(
  store: Store,
  request: { edition: string; list: string; inputsHash: string; resend: boolean; now: Date },
  owner: string,
): Promise<ClaimResult> {
  const key = deliveryClaimKey(request.edition, request.list);
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await store.getWithEtag(key);
    const holder = current ? parseClaim(current.body) : null;
    if (holder?.status === 'sending' && Date.parse(holder.leaseUntil) > request.now.getTime())
      return { claimed: false, reason: 'in-progress', holder };
    if (holder?.status === 'sent' && !request.resend)
      return { claimed: false, reason: 'already-sent', holder };
    const claim: DeliveryClaim = {
      edition: request.edition,
      list: request.list,
      status: 'sending',
      owner,
      at: request.now.toISOString(),
      leaseUntil: new Date(request.now.getTime() + claimLeaseMs).toISOString(),
      inputsHash: request.inputsHash,
      resend: request.resend,
    };
    const etag = await store.putIfMatch(key, pretty(claim), current?.etag ?? null, json);
    if (etag) return { claimed: true, held: { claim, etag } };
  }
  const holder = parseClaim((await store.get(key)) ?? new Uint8Array());
  return { claimed: false, reason: 'in-progress', holder };
}

/**
 * Ends this run's claim as `sent` or `failed`. False when the claim is no longer this run's
 * (its lease ran out and another run took it over).
 */
export async function settleClaim(
  store: Store,
  held: HeldClaim,
  status: 'sent' | 'failed',
  now: Date,
): Promise<boolean> {
  const claim: DeliveryClaim = { ...held.claim, status, at: now.toISOString() };
  const key = deliveryClaimKey(held.claim.edition, held.claim.list);
  return (await store.putIfMatch(key, pretty(claim), held.etag, json)) !== null;
}

function parseClaim(body: Uint8Array): DeliveryClaim | null {
  try {
    return JSON.parse(new TextDecoder().decode(body)) as DeliveryClaim;
  } catch {
    // An unreadable claim is treated as a lapsed one: it is taken over.
    return null;
  }
}

export async function wasSent(store: Store, edition: string, list: string): Promise<boolean> {
  return (await store.head(deliveryKey(edition, list))) !== null;
}

/**
 * Records a send. A resend replaces the earlier record; otherwise the write is conditional and
 * returns false when a concurrent run recorded its own send first.
 */
export async function recordSent(store: Store, record: SentRecord): Promise<boolean> {
  const key = deliveryKey(record.edition, record.list);
  if (!record.resent) return store.putIfAbsent(key, pretty(record), json);
  await store.put(key, pretty(record), json);
  return true;
}

export async function recordSendFailure(store: Store, record: SendFailureRecord): Promise<void> {
  await store.put(deliveryFailureKey(record.edition, record.list), pretty(record), json);
}

export async function wasAnnounced(store: Store, model: BriefModel): Promise<boolean> {
  return (await store.head(announcementKey(model.edition, model.inputsHash))) !== null;
}

export async function recordAnnounced(
  store: Store,
  model: BriefModel,
  record: AnnouncementRecord,
): Promise<void> {
  await store.putIfAbsent(
    announcementKey(model.edition, model.inputsHash),
    JSON.stringify(record),
    json,
  );
}

export async function recordAnnouncementFailure(
  store: Store,
  record: AnnouncementFailureRecord,
): Promise<void> {
  await store.put(announcementFailureKey(record.edition), pretty(record), json);
}

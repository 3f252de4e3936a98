import type { BriefModel } from '../model/types';
import {
  announcementFailureKey,
  announcementKey,
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

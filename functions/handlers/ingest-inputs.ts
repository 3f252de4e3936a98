import { readFile, stat } from 'node:fs/promises';
import type { ArticleRecord } from '../model/types';
import { type EarlierReading, earlierReadings } from '../pipeline/earlier-readings';
import { type IngestOutcome, ingest, tooLarge } from '../pipeline/ingest';
import type { PipelineDeps } from '../pipeline/pipeline-deps';
import { type ReadArticle, readInThread } from '../pipeline/read-article';
import { readEditionRecords } from '../pipeline/read-edition';
import { uploadName } from '../store/bucket-layout';
import { bareEtag } from '../store/store';
import type { InputFile } from './collect-inputs';
import type { Progress } from './progress';

/** The edition a run files its inputs under, and when they count as received. */
export interface Filing {
  edition: string;
  receivedAt: Date;
  /**
   * Orders this run's uploads after every earlier run's, as S3's event sequencer orders a key's
   * uploads: runs for a past edition all file at the end of its day, and an edited file must
   * still replace what an earlier run read.
   */
  sequencer: string;
}

/** A sequencer for a run started at `now`: its time in hexadecimal, one width for every run. */
export function runSequencer(now: Date): string {
  return now.getTime().toString(16).toUpperCase().padStart(16, '0');
}

/**
 * What became of one input. `unchanged`: an earlier run read the same bytes the same way, and
 * they were not read again. `reread`: an earlier run read the same bytes otherwise (other code,
 * data files or settings), and they were read again.
 */
export type InputOutcome = IngestOutcome & { unchanged?: true; reread?: true };

/** Files in flight at once: enough to keep every reader busy while others wait on the disk. */
export const inputsInFlight = (readers: number) => Math.max(4, readers * 4);

/**
 * Copies each input into the store under `incoming/` (unless it is there already) and ingests
 * it, several at a time: the reading (parse, analyse) by `read` (a worker pool's, or this
 * thread's), the store's reads and writes overlapping. The outcomes are those of ingesting the
 * files one after another, in order: the records of a text carried by several inputs are
 * written in input order (the first input claims it, the others are its duplicates).
 * One file never stops the run: a file over the size limit is reported without being read,
 * and a file whose ingest fails (a store error, a reader that died) is reported as rejected.
 * With `deps.readWith`, an input whose bytes the edition already holds as an article read the
 * same way is not read again: its outcome is the earlier run's, marked `unchanged`.
 */
export async function ingestInputs(
  deps: PipelineDeps,
  inputs: InputFile[],
  filing: Filing,
  options: {
    read?: ReadArticle;
    inFlight?: number;
    progress?: Progress;
    /** `earlierReadingsOf` the edition, when the caller has read them already. */
    earlier?: Map<string, EarlierReading>;
  } = {},
): Promise<InputOutcome[]> {
  const read = options.read ?? readInThread(deps);
  const earlier = options.earlier ?? (await earlierReadingsOf(deps, filing.edition));
  const order = inputOrder(inputs.length);
  const outcomes: InputOutcome[] = new Array(inputs.length);
  let next = 0;
  const lane = async () => {
    while (next < inputs.length) {
      const index = next++;
      const input = inputs[index] as InputFile;
      const inOrder: ReadArticle = async (bytes, upload) => {
        let record: ArticleRecord;
        try {
          record = await read(bytes, upload);
        } catch (error) {
          order.read(index, null);
          throw error;
        }
        await order.read(index, record.id);
        return record;
      };
      try {
        outcomes[index] = await ingestInput(
          { ...deps, readArticle: inOrder },
          input,
          filing,
          earlier.get(input.key),
        );
      } finally {
        order.done(index);
      }
      options.progress?.tick(uploadName(input.key));
    }
  };
  const lanes = Math.max(1, Math.min(options.inFlight ?? 1, inputs.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  return outcomes;
}

/**
 * Keeps the record stage in input order where it matters: an input's record is handed on once
 * every earlier input was read (so its article id is known) and once the last earlier input
 * carrying the same text has finished ingesting.
 */
function inputOrder(count: number) {
  const settled = new Array<boolean>(count).fill(false);
  const inputsWithId = new Map<string, number[]>();
  /** Inputs 0 … prefix - 1 are all read. */
  let prefix = 0;
  const waiting: Array<{ index: number; resolve: () => void }> = [];
  const ingestDone: Array<() => void> = [];
  const ingestSettled = Array.from(
    { length: count },
    (_, i) => new Promise<void>((resolve) => (ingestDone[i] = resolve)),
  );
  const settle = (index: number) => {
    if (settled[index]) return;
    settled[index] = true;
    while (prefix < count && settled[prefix]) prefix++;
    for (let i = waiting.length - 1; i >= 0; i--) {
      const waiter = waiting[i];
      if (waiter && waiter.index <= prefix) {
        waiting.splice(i, 1);
        waiter.resolve();
      }
    }
  };
  return {
    /** Input `index` was read (`id` null: it was rejected); resolves when its record may be written. */
    async read(index: number, id: string | null): Promise<void> {
      if (id !== null && !settled[index])
        inputsWithId.set(id, [...(inputsWithId.get(id) ?? []), index]);
      settle(index);
      if (id === null) return;
      if (prefix < index) await new Promise<void>((resolve) => waiting.push({ index, resolve }));
      // Every earlier input is read now: the last one with this text goes first.
      const earlier = Math.max(-1, ...(inputsWithId.get(id) ?? []).filter((i) => i < index));
      if (earlier >= 0) await ingestSettled[earlier];
    },
    /** Input `index` is finished (ingested, rejected, or failed before it was read). */
    done(index: number): void {
      settle(index);
      ingestDone[index]?.();
    },
  };
}

/**
 * What earlier runs read of the edition's uploads (`earlierReadings`), from its records as the
 * last compile left them (its snapshot spares reading them one by one; a record that cannot be
 * read is left to the compile to report). None without `deps.readWith`.
 */
export async function earlierReadingsOf(
  deps: PipelineDeps,
  edition: string,
): Promise<Map<string, EarlierReading>> {
  if (!deps.readWith) return new Map();
  const ignore = () => {};
  const read = await readEditionRecords(deps.store, edition, {
    article: ignore,
    other: ignore,
    snapshot: ignore,
  });
  await read.saved;
  return earlierReadings(read, deps.readWith);
}

async function ingestInput(
  deps: PipelineDeps,
  input: InputFile,
  filing: Filing,
  earlier: EarlierReading | undefined,
): Promise<InputOutcome> {
  const { store, settings } = deps;
  const { key } = input;
  try {
    const { size } = await stat(input.path);
    if (size > settings.maxBytes)
      return {
        status: 'rejected',
        key,
        edition: filing.edition,
        reason: tooLarge(key, size, settings.maxBytes),
      };
    const bytes = await readFile(input.path);
    const existing = await store.getWithEtag(key);
    const stored = existing !== null && Buffer.compare(Buffer.from(existing.body), bytes) === 0;
    const readBefore = stored && earlier?.etag === bareEtag(existing.etag) ? earlier : undefined;
    if (readBefore?.current) return { ...readBefore.outcome, unchanged: true };
    if (!stored) await store.put(key, bytes);
    const { edition, receivedAt, sequencer } = filing;
    const outcome = await ingest(deps, key, { edition, receivedAt, version: { sequencer } });
    return readBefore ? { ...outcome, reread: true } : outcome;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      status: 'rejected',
      key,
      edition: filing.edition,
      reason: `${key}: could not be ingested (${message.split('\n')[0]})`,
      internal: true,
    };
  }
}

/**
 * `npm run dev`: the cloud event path on this machine. Starts an S3-compatible server (s3rver)
 * on 127.0.0.1:4569 with the bucket `daily-brief-local`, and wires its object-created
 * notifications under `incoming/` to the real ingest handler (functions/handlers/ingest.ts, configured
 * from the environment as in Lambda), in the event shape AWS delivers. After each upload the
 * edition's draft is rebuilt by the real compile handler, as the draft schedule does in AWS,
 * so `briefs/<edition>/` and `briefs/latest.*` follow within seconds. Ctrl-C stops it all.
 *
 * It behaves like S3 where s3rver alone would not (infra/local/s3rver-store.ts): keys are
 * keys, not paths (`incoming/../articles/x.json` stays under `incoming/`), and writes to one
 * key are atomic. Like Lambda, a failed ingest is retried twice (1 s, then 2 s later), then
 * its event is written to the failures folder in the shape the failure queue receives
 * (`npm run redrive -- --local` replays them).
 *
 * Environment: BRIEF_DEV_PORT (4569; 0 picks a free port), BRIEF_BUCKET (daily-brief-local),
 * BRIEF_DEV_DIR (.dev-s3, where the server keeps the bucket), BRIEF_DEV_FAILURES_DIR
 * (`<BRIEF_DEV_DIR>-failures`), BRIEF_DEV_RETRY_MS (1000: the first retry's wait, doubled
 * for the second), BRIEF_LOG (warn), and every variable the handlers read (BRIEF_TIME_ZONE…).
 * For tests, BRIEF_DEV_FAULTS (`<key>=<n>,…`) makes the first n ingests of a key fail.
 */
import { randomBytes } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { CompileEvent, CompileSummary } from '../../functions/handlers/compile';
import type { IngestOutcome } from '../../functions/pipeline/ingest';
import type { ArticlePool } from '../../functions/setup/article-pool';
import {
  briefKey,
  latestKeys,
  uploadKey,
  uploadsPrefix,
} from '../../functions/store/bucket-layout';
import {
  type AwsS3Event,
  EventDispatcher,
  failureRecord,
  type ServerS3Event,
  toAwsS3Event,
} from './s3-events';
import { makeLocalS3rver } from './s3rver-store';

const root = path.resolve(__dirname, '..', '..');
const host = '127.0.0.1';
const port = Number(process.env.BRIEF_DEV_PORT ?? 4569);
const bucket = process.env.BRIEF_BUCKET || 'daily-brief-local';
const directory = path.resolve(process.env.BRIEF_DEV_DIR ?? path.join(root, '.dev-s3'));
const failuresDir = path.resolve(process.env.BRIEF_DEV_FAILURES_DIR ?? `${directory}-failures`);
const retryMs = Number(process.env.BRIEF_DEV_RETRY_MS ?? 1000);
/** Uploads arriving within this window are built into one draft. */
const draftDelayMs = 500;

async function main(): Promise<void> {
  mkdirSync(directory, { recursive: true });
  const server = makeLocalS3rver({
    address: host,
    port,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port: actualPort } = (await server.run()) as AddressInfo;
  const endpoint = `http://${host}:${actualPort}`;

  // The handlers read their configuration from the environment, as in Lambda.
  Object.assign(process.env, {
    BRIEF_BUCKET: bucket,
    S3_ENDPOINT: endpoint,
    BRIEF_ROOT: process.env.BRIEF_ROOT ?? root,
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
    BRIEF_LOG: process.env.BRIEF_LOG ?? 'warn',
  });
  const { ingest, pool } = await ingestHandler();
  const compile: (event: CompileEvent) => Promise<CompileSummary> = (
    await import('../../functions/handlers/compile')
  ).handler;

  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let building: Promise<void> = Promise.resolve();
  const buildDrafts = () => {
    const editions = [...pending];
    pending.clear();
    building = building.then(async () => {
      for (const edition of editions) {
        try {
          const summary = await compile({ schedule: 'draft', edition });
          if (summary.status !== 'skipped')
            say(
              `compile ${edition}: ${summary.status} (${summary.articles} articles, ${summary.rejected} rejected) -> ${endpoint}/${bucket}/${briefKey(edition, 'html')}`,
            );
        } catch (error) {
          say(`compile ${edition} failed: ${(error as Error).message}`);
        }
      }
    });
  };
  const dispatcher = new EventDispatcher(ingest, {
    prefix: uploadsPrefix,
    // As Lambda does with an asynchronous invocation: two retries, then the failure queue.
    retries: 2,
    retryDelayMs: (retry) => retryMs * 2 ** (retry - 1),
    onRetry: (event, error, retry) =>
      say(
        `ingest ${keysOf(event)} failed (${(error as Error).message}); retry ${retry} of 2 in ${retryMs * 2 ** (retry - 1)} ms`,
      ),
    onFailure: async (event, error, attempts) => {
      mkdirSync(failuresDir, { recursive: true });
      const file = path.join(
        failuresDir,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}.json`,
      );
      const record = failureRecord(event, error, attempts, 'local:daily-brief-dev-ingest');
      await writeFile(file, `${JSON.stringify(record, null, 2)}\n`);
      say(`ingest ${keysOf(event)} failed ${attempts} times: event kept in ${file}`);
    },
    onResult: ({ keys, result, error }) => {
      if (error) {
        say(`ingest ${keys.join(', ')} failed: ${(error as Error).message}`);
        return;
      }
      for (const outcome of result as IngestOutcome[]) {
        say(describe(outcome));
        if ('edition' in outcome) pending.add(outcome.edition);
      }
      clearTimeout(timer);
      timer = setTimeout(buildDrafts, draftDelayMs);
    },
  });
  // s3rver is a Koa application (an EventEmitter) that emits every object event.
  (server as unknown as EventEmitter).on('event', (event: ServerS3Event) =>
    dispatcher.dispatch(toAwsS3Event(event)),
  );

  say(`S3 endpoint  ${endpoint}`);
  say(`bucket       ${bucket}  (kept in ${path.relative(process.cwd(), directory) || '.'})`);
  say('upload an article, e.g.:');
  say(
    `  curl -sS -T test/fixtures/seeds/000_4c66cd66b4ac9d7a.txt ${endpoint}/${bucket}/${uploadKey('000.txt')}`,
  );
  say(
    `  AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER aws --endpoint-url ${endpoint} s3 cp article.txt s3://${bucket}/${uploadsPrefix}`,
  );
  say(`the brief:    ${endpoint}/${bucket}/${latestKeys.html}  (and .pdf, .json)`);
  say('Ctrl-C stops the server and the functions.');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping`);
    clearTimeout(timer);
    await dispatcher.idle();
    await building;
    await pool?.close();
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/**
 * The real ingest handler, set up from the environment as in Lambda, with one difference: the
 * uploads are read (parsed, analysed) by a pool of worker threads and this thread, so a burst
 * of uploads uses every core; in Lambda each upload has its own invocation.
 */
async function ingestHandler(): Promise<{
  ingest: (event: AwsS3Event) => Promise<IngestOutcome[]>;
  pool: ArticlePool | null;
}> {
  const { makeIngestHandler } = await import('../../functions/handlers/ingest');
  const { configFromEnv, storeSettingsFromEnv } = await import('../../functions/setup/config');
  const { makeDeps } = await import('../../functions/setup/make-deps');
  const { makeBucketStore } = await import('../../functions/setup/make-store');
  const { articlePoolSize, makePipelineArticlePool } = await import(
    '../../functions/setup/article-pool'
  );
  const config = configFromEnv();
  const deps = makeDeps(config, makeBucketStore(storeSettingsFromEnv()));
  const size = articlePoolSize();
  const pool = size > 0 ? makePipelineArticlePool(config, deps, size) : null;
  const handler = makeIngestHandler(pool ? { ...deps, readArticle: pool.read } : deps);
  return { ingest: withFaults((event) => handler(event)), pool };
}

function keysOf(event: AwsS3Event): string {
  return event.Records.map((record) =>
    decodeURIComponent(record.s3.object.key.replace(/\+/g, ' ')),
  ).join(', ');
}

/**
 * BRIEF_DEV_FAULTS=`incoming/a.txt=2,incoming/b.txt=9`: the first 2 ingests of a.txt and the
 * first 9 of b.txt fail, as a store outage would (for the tests of retries and the failures
 * folder). Unset: the handler as it is.
 */
function withFaults(
  handler: (event: AwsS3Event) => Promise<IngestOutcome[]>,
): (event: AwsS3Event) => Promise<IngestOutcome[]> {
  const faults = new Map<string, number>();
  for (const entry of (process.env.BRIEF_DEV_FAULTS ?? '').split(',')) {
    const at = entry.lastIndexOf('=');
    if (at > 0) faults.set(entry.slice(0, at), Number(entry.slice(at + 1)));
  }
  if (faults.size === 0) return handler;
  return async (event) => {
    for (const key of keysOf(event).split(', ')) {
      const left = faults.get(key) ?? 0;
      if (left > 0) {
        faults.set(key, left - 1);
        throw new Error(`injected fault for ${key} (BRIEF_DEV_FAULTS)`);
      }
    }
    return handler(event);
  };
}

function describe(outcome: IngestOutcome): string {
  switch (outcome.status) {
    case 'ingested':
      return `ingest ${outcome.key}: article ${outcome.id} in ${outcome.edition} ("${outcome.title}")`;
    case 'duplicate':
      return `ingest ${outcome.key}: same text as ${outcome.original}, nothing new`;
    case 'rejected':
      return `ingest ${outcome.key}: rejected: ${outcome.reason}`;
    case 'skipped':
      return `ingest ${outcome.key}: skipped (${outcome.reason})`;
  }
}

function say(line: string): void {
  process.stdout.write(`[dev] ${line}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`npm run dev: ${(error as Error).message}\n`);
  process.exit(1);
});

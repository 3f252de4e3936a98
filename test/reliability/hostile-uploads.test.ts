import type { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CompileEvent, CompileSummary } from '../../functions/handlers/compile';
import type { HandledUpload, S3Event } from '../../functions/handlers/ingest';
import type { ArticleRecord, BriefModel, RejectionRecord } from '../../functions/model/types';
import type { IngestOutcome } from '../../functions/pipeline/ingest';
import { logger } from '../../functions/setup/log';
import {
  articleKey,
  maxKeyBytes,
  rejectionKey,
  uploadsPrefix,
} from '../../functions/store/bucket-layout';
import { makeS3Client } from '../../functions/store/s3-client';
import { S3Store } from '../../functions/store/s3-store';
import { EventDispatcher, type ServerS3Event, toAwsS3Event } from '../../infra/local/s3-events';
import { degenerateLine, goodArticle, longUploadKey, nestedHtml } from './hostile-inputs';

/**
 * Issue 12 items 3, 5, 6 and 7 through the Lambda entry points over s3rver, reached by its own
 * notifications as in handlers-s3rver.test.ts: each hostile upload is ingested or rejected with
 * a reason (a record under rejected/), and a bad object in an edition leaves the compile
 * standing. Timings are not asserted here; `npm run bench` prints them.
 */
describe('hostile uploads through the handlers over s3rver', () => {
  let server: S3rver;
  let directory: string;
  let dispatcher: EventDispatcher;
  let store: S3Store;
  let destroyClient: () => void;
  let ingestHandler: (event: S3Event) => Promise<HandledUpload[]>;
  let compileHandler: (event: CompileEvent) => Promise<CompileSummary>;
  const editions = new Set<string>();

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 's3rver-hostile-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
    const { port } = (await server.run()) as AddressInfo;
    const endpoint = `http://127.0.0.1:${port}`;
    const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
    const bucket = 'daily-brief-hostile';
    const client = makeS3Client({ endpoint, credentials });
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    destroyClient = () => client.destroy();
    store = new S3Store({ client, bucket });
    dispatcher = new EventDispatcher((event) => ingestHandler(event), { prefix: uploadsPrefix });
    (server as unknown as EventEmitter).on('event', (event: ServerS3Event) =>
      dispatcher.dispatch(toAwsS3Event(event)),
    );
    Object.assign(process.env, {
      BRIEF_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      BRIEF_ROOT: process.cwd(),
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_REGION: 'us-east-1',
      // Named, never called: every upload here is text, read by the ingest function itself.
      BRIEF_DOCUMENTS_FUNCTION: 'daily-brief-test-ingestDocuments',
    });
    ingestHandler = (await import('../../functions/handlers/ingest')).handler;
    compileHandler = (await import('../../functions/handlers/compile')).handler;
  });

  afterAll(async () => {
    await dispatcher?.idle();
    destroyClient?.();
    await server?.close();
    await rm(directory, { recursive: true, force: true });
  });

  /** Puts the object and waits for the ingest run its notification caused. */
  async function upload(key: string, body: string | Uint8Array): Promise<IngestOutcome> {
    const handled = dispatcher.waitFor(key, 120_000);
    await store.put(key, typeof body === 'string' ? Buffer.from(body) : body);
    const { result, error } = await handled;
    if (error) throw error;
    const [outcome] = result as IngestOutcome[];
    if (outcome && 'edition' in outcome) editions.add(outcome.edition);
    return outcome as IngestOutcome;
  }

  async function rejectionOf(key: string, edition: string): Promise<RejectionRecord> {
    const bytes = await store.get(rejectionKey(edition, key));
    expect(bytes, `no rejection record for ${key}`).not.toBeNull();
    return JSON.parse(Buffer.from(bytes ?? []).toString('utf8')) as RejectionRecord;
  }

  /** The upload is rejected, and its record under rejected/ gives the same reason. */
  async function expectRejected(key: string, outcome: IngestOutcome, reason: RegExp) {
    expect(outcome).toMatchObject({ status: 'rejected', key });
    const rejection = await rejectionOf(key, (outcome as { edition: string }).edition);
    expect(rejection.key).toBe(key);
    expect(rejection.reason).toMatch(reason);
    expect(rejection.reason.startsWith(`${key}: `)).toBe(true);
  }

  it.each([5_000, 20_000])(
    'rejects a page nested %i levels deep, naming the depth and the limit',
    async (depth) => {
      const key = `incoming/hostile/nested-${depth}.html`;
      const outcome = await upload(key, nestedHtml(depth));
      await expectRejected(
        key,
        outcome,
        new RegExp(
          `the page nests elements ${(depth + 3).toLocaleString('en-US')} deep \\(the limit is 500\\); save the article's text instead`,
        ),
      );
    },
  );

  it('ingests a page nested 300 levels deep (within the limit), from its own paragraphs', async () => {
    const key = 'incoming/hostile/nested-300.html';
    const outcome = await upload(key, nestedHtml(300));
    expect(outcome).toMatchObject({ status: 'ingested', key, title: 'Talks in Moscow' });
    const { id, edition } = outcome as Extract<IngestOutcome, { status: 'ingested' }>;
    const record = JSON.parse(
      Buffer.from((await store.get(articleKey(edition, id))) ?? []).toString('utf8'),
    ) as ArticleRecord;
    expect(record.text.split('\n\n')).toHaveLength(3);
    expect(record.text).toContain('statement number 3');
  });

  it.each([
    ['1.5 MB', 1_500_000, '1,500,008'],
    ['9 MB', 9_000_000, '9,000,008'],
  ])('rejects a %s single line of "and China" before reading it', async (_size, bytes, chars) => {
    const key = `incoming/hostile/degenerate-${bytes}.txt`;
    const outcome = await upload(key, degenerateLine(bytes));
    await expectRejected(
      key,
      outcome,
      new RegExp(
        `the file holds ${chars} characters of text \\(the limit for a \\.txt file is 500,000\\); upload one article per file`,
      ),
    );
  });

  it('rejects a degenerate text under the size limit as the same words over and over', async () => {
    const key = 'incoming/hostile/degenerate-300k.txt';
    const outcome = await upload(key, degenerateLine(300_000));
    await expectRejected(
      key,
      outcome,
      /the text is the same words over and over \("and China and" [\d,]+ times; only 3 of its [\d,]+ three-word sequences differ\)/,
    );
  });

  it('rejects a 1.5 MB page of one repeated phrase by the size of its text', async () => {
    const key = 'incoming/hostile/degenerate.html';
    const line = degenerateLine(1_500_000).trim();
    const outcome = await upload(
      key,
      `<html><body><article><p>${line}</p></article></body></html>`,
    );
    await expectRejected(
      key,
      outcome,
      /the article text is 1,500,\d{3} characters long \(the limit is 200,000\)/,
    );
  });

  it('files the rejection of a 1,017-byte key under a key S3 accepts, keeping the key in the record', async () => {
    const key = longUploadKey(1_017);
    expect(Buffer.byteLength(key)).toBe(1_017);
    expect(Buffer.byteLength(`rejected/${key}.json`)).toBe(1_031);
    const outcome = await upload(key, 'Too short to be an article.');
    const edition = (outcome as { edition: string }).edition;
    const recordKey = rejectionKey(edition, key);
    expect(recordKey).toMatch(/^rejected\/\d{4}-\d\d-\d\d\/_long\/[0-9a-f]{32}-.+\.json$/);
    expect(Buffer.byteLength(recordKey)).toBeLessThanOrEqual(maxKeyBytes);
    await expectRejected(key, outcome, /too short to be an article/);
    expect((await store.list(`rejected/${edition}/_long/`)).includes(recordKey)).toBe(true);
  });

  it('ingests articles under a 1,017-byte key and under multibyte keys', async () => {
    const long = longUploadKey(1_017);
    const keys = [
      long.replace(/\.txt$/, '-ok.txt').replace(/x{3}-ok/, '-ok'),
      'incoming/Заявление МИД/外交部 声明 — 2026.txt',
      `incoming/${'ü'.repeat(100)}.txt`,
    ];
    for (const [index, key] of keys.entries()) {
      const outcome = await upload(key, `${goodArticle}\nCopy ${index}.\n`);
      expect(outcome).toMatchObject({ status: 'ingested', key });
    }
  });

  it('compiles an edition holding a malformed and an unexpected record: both skipped with a warning naming the key, and listed as not included', async () => {
    const [edition] = [...editions].sort().reverse();
    expect(edition).toBeDefined();
    const broken = `articles/${edition}/0123456789abcdef.json`;
    const unexpected = `articles/${edition}/not-a-record.json`;
    await store.put(broken, '{"id": "0123456789abcdef", "title": "Unterminated');
    await store.put(unexpected, JSON.stringify({ hello: 'world', sentences: 'none' }));

    const lines: string[] = [];
    logger.setLogLevel('WARN');
    const capture = (chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    };
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    let summary: CompileSummary;
    try {
      summary = await compileHandler({ edition, force: true });
    } finally {
      out.mockRestore();
      err.mockRestore();
      logger.setLogLevel('SILENT');
    }
    expect(summary).toMatchObject({ status: 'built', edition });
    expect(summary.articles).toBeGreaterThan(0);

    const warnings = lines.join('').split('\n').filter(Boolean);
    expect(warnings.some((line) => line.includes(broken) && line.includes('not valid JSON'))).toBe(
      true,
    );
    expect(warnings.some((line) => line.includes(unexpected))).toBe(true);

    const model = JSON.parse(
      Buffer.from((await store.get(`briefs/${edition}/brief.json`)) ?? []).toString('utf8'),
    ) as BriefModel;
    const notIncluded = new Map(model.rejected.map((entry) => [entry.key, entry.reason]));
    expect(notIncluded.get(broken)).toMatch(
      /not an article record \(not valid JSON: .+\); skipped/,
    );
    expect(notIncluded.get(unexpected)).toMatch(/not an article record \(.+\); skipped/);
    expect(model.stats.rejected).toBe(model.rejected.length);
    expect(
      Buffer.from((await store.get(`briefs/${edition}/brief.html`)) ?? []).toString(),
    ).toContain(broken);
  });
});

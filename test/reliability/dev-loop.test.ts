import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefModel } from '../../functions/model/types';
import { makeS3Client } from '../../functions/store/s3-client';
import { S3Store } from '../../functions/store/s3-store';
import { syntheticArticles } from '../bench/synthetic-articles';
import { tempDir } from '../helpers/pipeline';

/**
 * `npm run dev` behaves like S3 and Lambda (issue 12, item 8): a forged key is stored under
 * its own prefix, never outside `incoming/`; simultaneous writes of one key leave one whole
 * object; a failed ingest is retried twice, then its event is kept in the failures folder.
 */
describe('the local loop of npm run dev', () => {
  let child: ChildProcess | undefined;
  let output = '';
  let endpoint = '';
  let store: S3Store;
  let client: ReturnType<typeof makeS3Client>;
  const dir = tempDir('dev-loop-');
  const s3Dir = path.join(dir, 's3');
  const failures = path.join(dir, 'failures');
  const bucket = 'daily-brief-local';
  const edition = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/dev.ts'], {
      env: {
        ...process.env,
        BRIEF_DEV_PORT: '0',
        BRIEF_DEV_DIR: s3Dir,
        BRIEF_DEV_FAILURES_DIR: failures,
        BRIEF_DEV_RETRY_MS: '50',
        BRIEF_DEV_FAULTS: 'incoming/flaky.json=2,incoming/doomed.json=99',
        BRIEF_BUCKET: '',
        BRIEF_LOG: 'silent',
        BRIEF_TIME_ZONE: 'UTC',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    await until(() => /Ctrl-C stops/.test(output), 'the start-up banner');
    endpoint = /S3 endpoint\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] as string;
    client = makeS3Client({
      endpoint,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    store = new S3Store({ client, bucket });
  });

  afterAll(async () => {
    client?.destroy();
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGINT');
      await exited;
    }
  });

  it('stores a forged key under incoming/, never where its ".." would lead', async () => {
    const planted = JSON.stringify({
      id: 'planted',
      key: 'incoming/x',
      text: '<script>alert(1)</script>',
    });
    // A raw request, as curl --path-as-is sends it: no client normalises the path.
    const status = await rawPut(`/${bucket}/incoming/../articles/${edition}/planted.json`, planted);
    expect(status).toBe(200);
    await store.put('incoming/../briefs/latest.html', '<script>alert(1)</script>');
    await store.put('incoming/../../../outside.txt', 'outside');
    expect(await store.list(`articles/${edition}/planted`)).toEqual([]);
    expect(await store.get(`articles/${edition}/planted.json`)).toBeNull();
    expect(
      await store.get('briefs/latest.html').then((b) => b && new TextDecoder().decode(b)),
    ).not.toBe('<script>alert(1)</script>');
    expect(await store.list('incoming/../')).toEqual([
      'incoming/../../../outside.txt',
      `incoming/../articles/${edition}/planted.json`,
      'incoming/../briefs/latest.html',
    ]);
    // Nothing was written outside the server's folder.
    expect(existsSync(path.join(dir, 'outside.txt'))).toBe(false);
    expect(readdirSync(s3Dir)).toEqual([bucket]);
    // The forged uploads were ingested as uploads (a JSON article without a body is rejected).
    await until(
      () => output.includes(`ingest incoming/../articles/${edition}/planted.json: rejected`),
      'the rejection',
    );
  });

  it('keeps one whole object when sixteen writes of one key race', async () => {
    const bodies = Array.from(
      { length: 16 },
      (_, i) => `${String(i).padStart(2, '0')}:${'x'.repeat(300_000 + i)}`,
    );
    await Promise.all(bodies.map((body) => store.put('briefs/race.txt', body)));
    const back = new TextDecoder().decode((await store.get('briefs/race.txt')) ?? new Uint8Array());
    expect(bodies).toContain(back);
    expect((await store.head('briefs/race.txt'))?.etag).toBe(
      createHash('md5').update(back).digest('hex'),
    );
  });

  it('retries a failed ingest twice, then keeps its event in the failures folder', async () => {
    const [good, other] = syntheticArticles(2, edition, 5);
    await store.put('incoming/flaky.json', good?.body as string);
    await store.put('incoming/doomed.json', other?.body as string);
    await until(
      () => output.includes('ingest incoming/flaky.json: article '),
      'flaky.json after its retries',
    );
    expect(output).toContain(
      'ingest incoming/flaky.json failed (injected fault for incoming/flaky.json (BRIEF_DEV_FAULTS)); retry 1 of 2',
    );
    expect(output).toMatch(/ingest incoming\/flaky\.json failed .*; retry 2 of 2/);
    await until(
      () => /ingest incoming\/doomed\.json failed 3 times: event kept in /.test(output),
      'doomed.json in the failures folder',
    );
    const [file] = readdirSync(failures);
    const record = JSON.parse(readFileSync(path.join(failures, file as string), 'utf8'));
    expect(record).toMatchObject({
      requestContext: { condition: 'RetriesExhausted', approximateInvokeCount: 3 },
      requestPayload: { Records: [{ s3: { object: { key: 'incoming/doomed.json' } } }] },
      responsePayload: {
        errorMessage: 'injected fault for incoming/doomed.json (BRIEF_DEV_FAULTS)',
      },
    });
    // The draft after the retried ingest has it.
    const deadline = Date.now() + 30_000;
    let keys: string[] = [];
    while (!keys.includes('incoming/flaky.json') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const bytes = await store.get('briefs/latest.json');
      if (bytes)
        keys = (JSON.parse(new TextDecoder().decode(bytes)) as BriefModel).articles.map(
          (a) => a.key,
        );
    }
    expect(keys).toContain('incoming/flaky.json');
    expect(keys).not.toContain('incoming/doomed.json');
  });

  async function until(done: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 50_000;
    while (!done()) {
      if (child?.exitCode !== null) throw new Error(`npm run dev exited early:\n${output}`);
      if (Date.now() > deadline) throw new Error(`waited in vain for ${what}:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  function rawPut(pathname: string, body: string): Promise<number> {
    const url = new URL(endpoint);
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: url.hostname,
          port: url.port,
          method: 'PUT',
          path: pathname,
          headers: { 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }
});

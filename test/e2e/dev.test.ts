import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { BriefModel } from '../../functions/model/types';
import { makeS3Client } from '../../functions/store/s3-client';
import { S3Store } from '../../functions/store/s3-store';
import { tempDir } from '../helpers/pipeline';

/** Smoke run of `npm run dev`: a put under incoming/ runs ingest, and the brief follows. */
describe('npm run dev', () => {
  let child: ChildProcess | undefined;
  let output = '';

  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('ingests a put under incoming/, rebuilds the brief, and stops on Ctrl-C', async () => {
    // One process (tsx as a loader, not its CLI, which would run the server in a child of its
    // own): killing it on a failed test leaves nothing behind.
    child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/dev.ts'], {
      env: {
        ...process.env,
        BRIEF_DEV_PORT: '0',
        BRIEF_DEV_DIR: tempDir('dev-s3-'),
        BRIEF_BUCKET: '',
        BRIEF_LOG: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child?.once('exit', resolve));

    await until(() => /Ctrl-C stops/.test(output), 'the start-up banner');
    const endpoint = /S3 endpoint\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] as string;
    expect(output).toContain('bucket       daily-brief-local');
    expect(output).toMatch(
      /curl -sS -T \S+ http:\/\/127\.0\.0\.1:\d+\/daily-brief-local\/incoming\//,
    );

    const client = makeS3Client({
      endpoint,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    const store = new S3Store({ client, bucket: 'daily-brief-local' });
    await store.put(
      'incoming/tass uk.txt',
      readFileSync('test/fixtures/seeds/000_4c66cd66b4ac9d7a.txt'),
    );
    await until(() => /compile \d{4}-\d{2}-\d{2}: built/.test(output), 'the draft build');
    const latest = JSON.parse(
      new TextDecoder().decode((await store.get('briefs/latest.json')) ?? new Uint8Array()),
    ) as BriefModel;
    expect(latest.articles.map((article) => article.key)).toEqual(['incoming/tass uk.txt']);
    expect(output).toContain('ingest incoming/tass uk.txt: article ');
    client.destroy();

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    const port = Number(new URL(endpoint).port);
    expect(await isListening(port)).toBe(false);
  });

  async function until(done: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 50_000;
    while (!done()) {
      if (child?.exitCode !== null) throw new Error(`npm run dev exited early:\n${output}`);
      if (Date.now() > deadline) throw new Error(`waited in vain for ${what}:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
});

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

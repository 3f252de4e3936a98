import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeCompileHandler } from '../../functions/handlers/compile';
import { makeIngestHandler, type S3Event } from '../../functions/handlers/ingest';
import { logger } from '../../functions/setup/log';
import { FsStore } from '../../functions/store/fs-store';
import { loadEvent } from '../helpers/events';
import { tempFsStore, testDeps } from '../helpers/pipeline';

type Line = Record<string, unknown>;

/** A folder store whose listings fail, as S3 does when it is unreachable. */
class ListFailsStore extends FsStore {
  override async list(): Promise<string[]> {
    throw new Error('disk on fire');
  }
}

/** The JSON lines the Powertools logger writes (to stdout, and to stderr for errors). */
function captureLogs(): { lines: Line[]; restore: () => void } {
  const lines: Line[] = [];
  const capture = (chunk: string | Uint8Array) => {
    for (const text of String(chunk).split('\n')) {
      if (text.trim().startsWith('{')) lines.push(JSON.parse(text) as Line);
    }
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  return {
    lines,
    restore: () => {
      out.mockRestore();
      err.mockRestore();
    },
  };
}

describe('handler logs', () => {
  let capture: ReturnType<typeof captureLogs>;

  beforeEach(() => {
    logger.setLogLevel('DEBUG');
    capture = captureLogs();
  });

  afterEach(() => {
    capture.restore();
    logger.setLogLevel('SILENT');
  });

  it('are JSON lines that carry the key, the article id and the edition', async () => {
    const store = tempFsStore();
    await store.put(
      'incoming/000_4c66cd66b4ac9d7a.txt',
      readFileSync('test/fixtures/seeds/000_4c66cd66b4ac9d7a.txt'),
    );
    await store.put('incoming/photo.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0]));
    const ingest = makeIngestHandler(testDeps(store));
    await ingest(loadEvent<S3Event>('s3-put-seed'));
    await ingest(loadEvent<S3Event>('s3-put-unsupported'));

    const [ingested, rejected] = capture.lines;
    expect(capture.lines).toHaveLength(2);
    expect(ingested).toMatchObject({
      level: 'INFO',
      message: 'ingest ingested',
      service: 'daily-brief',
      key: 'incoming/000_4c66cd66b4ac9d7a.txt',
      edition: '2026-11-22',
      articleId: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    expect(rejected).toMatchObject({
      level: 'WARN',
      key: 'incoming/photo.jpg',
      edition: '2026-11-22',
      reason: expect.stringContaining('.jpg files are not supported'),
    });
    // The keys of one record do not leak into the next one's lines.
    expect(rejected).not.toHaveProperty('articleId');
  });

  it('carry the edition and the trigger on compile lines, and the error when a store fails', async () => {
    const store = tempFsStore();
    const compile = makeCompileHandler(testDeps(store));
    await compile({ edition: '2026-11-22' });
    expect(capture.lines.at(-1)).toMatchObject({
      message: 'compile built',
      edition: '2026-11-22',
      trigger: 'manual',
    });

    const failing = makeCompileHandler(testDeps(new ListFailsStore(store.root)));
    await expect(failing({ edition: '2026-11-21' })).rejects.toThrow('disk on fire');
    expect(capture.lines.at(-1)).toMatchObject({
      level: 'ERROR',
      edition: '2026-11-21',
      error: expect.objectContaining({ message: 'disk on fire' }),
    });
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefModel, Story } from '../../functions/model/types';
import { compile } from '../../functions/pipeline/compile';
import { ingest } from '../../functions/pipeline/ingest';
import { briefToText } from '../../functions/render/text/plain-text';
import { buildBriefView } from '../../functions/render/view/brief-view';
import { makeS3Client } from '../../functions/store/s3-client';
import { S3Store } from '../../functions/store/s3-store';
import type { Store } from '../../functions/store/store';
import { pdfToText } from '../helpers/pdf';
import { tempFsStore, testDeps } from '../helpers/pipeline';

const cases = join(process.cwd(), 'test', 'fixtures', 'brief-cases', 'day-over-day');
const text = (bytes: Uint8Array | null) => new TextDecoder().decode(bytes ?? new Uint8Array());

/** Uploads the edition's fixture folder and ingests it on that day, as the bucket would. */
async function uploadEdition(store: Store, edition: string, folder = edition): Promise<void> {
  const deps = testDeps(store);
  for (const file of readdirSync(join(cases, folder)).sort()) {
    const key = `incoming/${edition}/${file}`;
    await store.put(key, readFileSync(join(cases, folder, file)));
    await ingest(deps, key, { receivedAt: new Date(`${edition}T09:00:00Z`), edition });
  }
}

const storyWith = (model: BriefModel, file: string): Story | undefined => {
  const id = model.articles.find((article) => article.key.endsWith(file))?.id;
  return model.stories?.find((story) => story.articles.includes(id ?? ''));
};

/**
 * Two editions compiled one after the other: the second reads the first's brief.json and marks
 * each story new, developing (with its new reports) or continuing (not a key development).
 */
function dayOverDay(name: string, open: () => Promise<Store>) {
  describe(`day over day (${name})`, () => {
    let store: Store;
    let first: BriefModel;
    let second: BriefModel;

    beforeAll(async () => {
      store = await open();
      await uploadEdition(store, '2026-11-21');
      first = (await compile(testDeps(store), '2026-11-21')).model;
      await uploadEdition(store, '2026-11-22');
      second = (await compile(testDeps(store), '2026-11-22')).model;
    }, 60_000);

    it('the first edition has no previous brief, so no marker', () => {
      expect(first.previousEdition).toBeUndefined();
      for (const highlight of first.highlights) expect(highlight.status).toBeUndefined();
    });

    it('marks a story with a new outlet developing, with what is new', () => {
      expect(second.previousEdition).toBe('2026-11-21');
      const story = storyWith(second, 'a-migration-report.txt');
      expect(story).toMatchObject({ status: 'developing', newSources: ['Al Jazeera'] });
      expect(story?.previous?.edition).toBe('2026-11-21');
      const highlight = second.highlights.find((h) => h.story === story?.id);
      expect(highlight).toMatchObject({ status: 'developing', newSources: ['Al Jazeera'] });
      expect(highlight?.newArticles).toHaveLength(1);
    });

    it('marks a story the previous brief had, with nothing new, continuing: not a key development', () => {
      const story = storyWith(second, 'b-border-bbc-updated.txt');
      expect(story?.status).toBe('continuing');
      const cited = second.highlights.flatMap((h) => [...h.sources, ...(h.alsoIn ?? [])]);
      for (const id of story?.articles ?? []) expect(cited).not.toContain(id);
      expect(buildBriefView(second).continuing.map((c) => c.headline)).toEqual([
        'Finland shuts two more border crossings with Russia',
      ]);
    });

    it('marks a story the previous brief did not have new', () => {
      const story = storyWith(second, 'c-defence-wire.txt');
      expect(story?.status).toBe('new');
      expect(second.highlights.find((h) => h.story === story?.id)?.status).toBe('new');
    });

    it('shows the markers in the HTML, the PDF and the plain text', async () => {
      const developing = 'DEVELOPING: 1 new report (Al Jazeera)';
      const html = text(await store.get('briefs/2026-11-22/brief.html'));
      expect(html).toContain(developing);
      expect(html).toMatch(/class="status status-new">NEW</);
      expect(html).toContain('Continuing, nothing new since the last brief');
      const pdf = pdfToText((await store.get('briefs/2026-11-22/brief.pdf')) ?? new Uint8Array());
      const flat = pdf.replace(/\s+/g, ' ');
      expect(flat).toContain(developing);
      expect(flat).toMatch(/\bNEW\b/);
      expect(flat).toContain('Continuing, nothing new since the last brief');
      const plain = briefToText(second, null);
      expect(plain).toContain(`[${developing}]`);
      expect(plain).toContain('[NEW]');
    });

    it('changes nothing on a repeated compile, and rebuilds when the previous brief changed', async () => {
      expect((await compile(testDeps(store), '2026-11-22')).status).toBe('unchanged');
      // A late upload changes the previous edition's brief: today's, which read it, is rebuilt.
      const key = 'incoming/2026-11-21/late.txt';
      await store.put(key, readFileSync('test/fixtures/seeds/004_988fb0e90b57e848.txt'));
      await ingest(testDeps(store), key, {
        receivedAt: new Date('2026-11-21T20:00:00Z'),
        edition: '2026-11-21',
      });
      expect((await compile(testDeps(store), '2026-11-21')).status).toBe('built');
      expect((await compile(testDeps(store), '2026-11-22')).status).toBe('built');
      expect((await compile(testDeps(store), '2026-11-22')).status).toBe('unchanged');
    }, 60_000);
  });
}

dayOverDay('the folder store', async () => tempFsStore());

describe('over s3rver', () => {
  let server: S3rver;
  let client: S3Client;
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 's3rver-dod-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
    const { port } = (await server.run()) as AddressInfo;
    client = makeS3Client({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
  });

  afterAll(async () => {
    client?.destroy();
    await server?.close();
    await rm(directory, { recursive: true, force: true });
  });

  dayOverDay('the bucket', async () => {
    await client.send(new CreateBucketCommand({ Bucket: 'day-over-day' }));
    return new S3Store({ client, bucket: 'day-over-day' });
  });
});

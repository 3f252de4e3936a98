import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../functions/store/store';

export const text = (bytes: Uint8Array | null) =>
  bytes === null ? null : Buffer.from(bytes).toString();

/** What the server under a store can do; cases it cannot are skipped with the reason. */
export interface ContractTraits {
  /**
   * The server honours `If-Match`/`If-None-Match` on PUT, so exactly one of concurrent
   * conditional writes wins (FsStore, radosgw, AWS; not s3rver, which ignores them: its
   * sequential cases still pass through the adapter's HeadObject check).
   */
  conditionalWrites: boolean;
  /** Keys are not paths: `a/../b` is stored as that key (not s3rver's own folder store). */
  opaqueKeys: boolean;
}

const md5 = (body: string | Uint8Array) => createHash('md5').update(body).digest('hex');

/**
 * The behaviour every Store adapter must share. Each adapter gets a fresh, empty store from
 * `open`, so cases do not depend on each other.
 */
export function storeContract(name: string, open: () => Promise<Store>, traits: ContractTraits) {
  describe(`${name} (Store contract)`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });

    it('returns null for a key that was never written', async () => {
      expect(await store.get('incoming/missing.txt')).toBeNull();
      expect(await store.head('incoming/missing.txt')).toBeNull();
    });

    it('round-trips bytes exactly, including every byte value', async () => {
      const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
      await store.put('incoming/bytes.bin', bytes, 'application/octet-stream');
      const back = await store.get('incoming/bytes.bin');
      expect(back).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(back ?? [])).toEqual(Buffer.from(bytes));
    });

    it('stores strings as UTF-8, non-ASCII included', async () => {
      const body = 'Лавров: «переговоры» — مفاوضات — Wang Yi 王毅 — ő — 🌍\n';
      await store.put('articles/2026-11-22/utf8.json', body, 'application/json');
      const back = await store.get('articles/2026-11-22/utf8.json');
      expect(text(back)).toBe(body);
      expect(back?.byteLength).toBe(Buffer.byteLength(body, 'utf8'));
    });

    it('round-trips an empty object', async () => {
      await store.put('incoming/empty.txt', '');
      expect(text(await store.get('incoming/empty.txt'))).toBe('');
      expect((await store.head('incoming/empty.txt'))?.size).toBe(0);
    });

    it('overwrites on put', async () => {
      await store.put('briefs/latest.html', 'first');
      await store.put('briefs/latest.html', 'second, longer');
      expect(text(await store.get('briefs/latest.html'))).toBe('second, longer');
    });

    it('deletes an object, leaves its neighbours, and deletes a missing key quietly', async () => {
      await store.put('briefs/2026-11-22/builds/old/brief.json', '{}');
      await store.put('briefs/2026-11-22/builds/old/lists/a.pdf', '%PDF');
      await store.put('briefs/2026-11-22/builds/new/brief.json', '{"new":true}');
      await store.delete('briefs/2026-11-22/builds/old/brief.json');
      await store.delete('briefs/2026-11-22/builds/old/lists/a.pdf');
      await store.delete('briefs/2026-11-22/builds/never/brief.json');
      expect(await store.get('briefs/2026-11-22/builds/old/brief.json')).toBeNull();
      expect(await store.list('briefs/2026-11-22/builds/')).toEqual([
        'briefs/2026-11-22/builds/new/brief.json',
      ]);
      // The key can be written again (the local store removed the folders it emptied).
      await store.put('briefs/2026-11-22/builds/old', 'a file where a folder was');
      expect(text(await store.get('briefs/2026-11-22/builds/old'))).toBe(
        'a file where a folder was',
      );
    });

    it('putIfAbsent writes once, then returns false and keeps the first content', async () => {
      expect(await store.putIfAbsent('articles/2026-11-22/abc.json', '{"v":1}')).toBe(true);
      expect(await store.putIfAbsent('articles/2026-11-22/abc.json', '{"v":2}')).toBe(false);
      expect(text(await store.get('articles/2026-11-22/abc.json'))).toBe('{"v":1}');
    });

    it('head reports the size in bytes and a recent modification time', async () => {
      const before = Date.now();
      await store.put('incoming/sized.txt', 'héllo'); // 6 bytes in UTF-8
      const meta = await store.head('incoming/sized.txt');
      expect(meta?.size).toBe(6);
      expect(meta?.modified).toBeInstanceOf(Date);
      // Second granularity on S3 (and coarse clocks): allow a little slack both ways.
      expect(Math.abs((meta?.modified.getTime() ?? 0) - before)).toBeLessThan(60_000);
    });

    it('lists by prefix: sorted, recursive, and nothing from other prefixes', async () => {
      const keys = [
        'list/b.txt',
        'list/a.txt',
        'list/sub/deeper/z.txt',
        'list/sub/c.txt',
        'list-other/x.txt',
        'lis/y.txt',
        'other/list/a.txt',
      ];
      for (const key of keys) await store.put(key, key);
      expect(await store.list('list/')).toEqual([
        'list/a.txt',
        'list/b.txt',
        'list/sub/c.txt',
        'list/sub/deeper/z.txt',
      ]);
      expect(await store.list('list/sub/')).toEqual(['list/sub/c.txt', 'list/sub/deeper/z.txt']);
      // A prefix is a string prefix, not a folder: "list" also matches "list-other/".
      expect(await store.list('list')).toEqual([
        'list-other/x.txt',
        'list/a.txt',
        'list/b.txt',
        'list/sub/c.txt',
        'list/sub/deeper/z.txt',
      ]);
      expect(await store.list('list/a')).toEqual(['list/a.txt']);
      expect(await store.list('nothing-here/')).toEqual([]);
    });

    it('lists with each object’s ETag and size, as head gives them, in the same order', async () => {
      await store.put('etags/b.json', '{"b":2}');
      await store.put('etags/a.json', 'first');
      await store.put('etags/a.json', 'second, longer');
      const listed = await store.listWithEtags('etags/');
      expect(listed.map((object) => object.key)).toEqual(await store.list('etags/'));
      expect(listed).toEqual([
        { key: 'etags/a.json', etag: md5('second, longer'), size: 14 },
        { key: 'etags/b.json', etag: md5('{"b":2}'), size: 7 },
      ]);
      for (const object of listed) expect((await store.head(object.key))?.etag).toBe(object.etag);
      expect(await store.listWithEtags('etags/none/')).toEqual([]);
    });

    it('lists the whole store with an empty prefix', async () => {
      const all = await store.list('');
      expect(all).toContain('incoming/bytes.bin');
      expect(all).toContain('list/sub/deeper/z.txt');
      expect(all).toEqual([...all].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    });

    it('handles keys with spaces and unicode', async () => {
      const keys = [
        'unicode/Report on Kabul (final).txt',
        'unicode/Лавров заявил.md',
        'unicode/北京 声明.html',
        'unicode/café+crème & co.json',
        'unicode/🌍 world.txt',
      ];
      for (const key of keys) await store.put(key, `body of ${key}`);
      for (const key of keys) {
        expect(text(await store.get(key))).toBe(`body of ${key}`);
        expect((await store.head(key))?.size).toBe(Buffer.byteLength(`body of ${key}`));
      }
      const sorted = [...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
      expect(await store.list('unicode/')).toEqual(sorted);
      expect(await store.putIfAbsent('unicode/Лавров заявил.md', 'again')).toBe(false);
    });

    it('reports the ETag of an object: the MD5 of its bytes, the same from head and get', async () => {
      await store.put('briefs/etag/a.json', '{"a":1}');
      expect((await store.head('briefs/etag/a.json'))?.etag).toBe(md5('{"a":1}'));
      const read = await store.getWithEtag('briefs/etag/a.json');
      expect(text(read?.body ?? null)).toBe('{"a":1}');
      expect(read?.etag).toBe(md5('{"a":1}'));
      expect(await store.getWithEtag('briefs/etag/missing.json')).toBeNull();
    });

    it('reads a version by its ETag, and nothing once the object has changed', async () => {
      await store.put('incoming/version.txt', 'version 1');
      const first = { etag: md5('version 1') };
      expect(text(await store.get('incoming/version.txt', first))).toBe('version 1');
      expect((await store.head('incoming/version.txt', first))?.size).toBe(9);
      await store.put('incoming/version.txt', 'version 2');
      expect(await store.get('incoming/version.txt', first)).toBeNull();
      expect(await store.head('incoming/version.txt', first)).toBeNull();
      expect(text(await store.get('incoming/version.txt', { etag: md5('version 2') }))).toBe(
        'version 2',
      );
    });

    it('putIfMatch creates only when absent, replaces only the ETag it was given', async () => {
      const key = 'briefs/2026-11-22/manifest.json';
      const first = await store.putIfMatch(key, '{"generation":1}', null, 'application/json');
      expect(first).toBe(md5('{"generation":1}'));
      expect(await store.putIfMatch(key, '{"generation":"again"}', null)).toBeNull();
      const second = await store.putIfMatch(key, '{"generation":2}', first);
      expect(second).toBe(md5('{"generation":2}'));
      // A writer that read generation 1 has lost: nothing is written.
      expect(await store.putIfMatch(key, '{"generation":"stale"}', first)).toBeNull();
      expect(text(await store.get(key))).toBe('{"generation":2}');
      expect(await store.putIfMatch('briefs/never-written.json', 'x', first)).toBeNull();
      expect(await store.get('briefs/never-written.json')).toBeNull();
    });

    it('lets exactly one of concurrent putIfMatch calls on one ETag win', async (context) => {
      if (!traits.conditionalWrites) {
        context.skip('this server ignores If-Match; the radosgw suite runs this case');
        return;
      }
      const key = 'briefs/race/manifest.json';
      const base = await store.putIfMatch(key, '{"writer":"base"}', null);
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => store.putIfMatch(key, `{"writer":${i}}`, base)),
      );
      const winners = results.filter((etag) => etag !== null);
      expect(winners).toHaveLength(1);
      expect(text(await store.get(key))).toBe(`{"writer":${results.findIndex((r) => r !== null)}}`);
      const created = await Promise.all(
        Array.from({ length: 8 }, (_, i) => store.putIfMatch('briefs/race/new.json', `${i}`, null)),
      );
      expect(created.filter((etag) => etag !== null)).toHaveLength(1);
    });

    it('keeps keys as they are: "..", "." and "%" segments are keys, not paths', async (context) => {
      if (!traits.opaqueKeys) {
        context.skip("this server's own folder store resolves '..' in keys");
        return;
      }
      const keys = [
        'odd/../articles/2026-11-22/planted.json',
        'odd/./dot.txt',
        'odd/%2E%2E/encoded.txt',
        'odd/.fsstore-tmp-looks-like-a-temp-file',
        'odd/x/..',
      ];
      for (const key of keys) await store.put(key, `body of ${key}`);
      for (const key of keys) expect(text(await store.get(key))).toBe(`body of ${key}`);
      expect(await store.list('odd/')).toEqual(
        [...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))),
      );
      expect(await store.list('articles/2026-11-22/planted')).toEqual([]);
      expect(await store.get('articles/2026-11-22/planted.json')).toBeNull();
      expect(await store.list('odd/../')).toEqual(['odd/../articles/2026-11-22/planted.json']);
    });
  });
}

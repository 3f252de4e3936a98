import { createHash, randomBytes } from 'node:crypto';
import type { ListedObject, ObjectInfo, ObjectVersion, Store } from '../../functions/store/store';

interface Version {
  versionId: string;
  body: Uint8Array;
  etag: string;
  modified: Date;
  /** A delete marker: the key has no current object, its older versions stay. */
  deleted?: true;
}

/**
 * An in-memory Store that keeps every version of every key, as a versioned S3 bucket does:
 * `get`/`head` of a `versionId` read that version, of an `etag` only the current one.
 * `putVersion` returns what an S3 event would name (version id, ETag), to build events with.
 */
export class VersionedMemoryStore implements Store {
  private readonly objects = new Map<string, Version[]>();

  async putVersion(
    key: string,
    body: Uint8Array | string,
  ): Promise<{ versionId: string; etag: string }> {
    const bytes = typeof body === 'string' ? new Uint8Array(Buffer.from(body, 'utf8')) : body;
    const version: Version = {
      versionId: randomBytes(8).toString('hex'),
      body: bytes,
      etag: createHash('md5').update(bytes).digest('hex'),
      modified: new Date(),
    };
    const versions = this.objects.get(key) ?? [];
    versions.push(version);
    this.objects.set(key, versions);
    return { versionId: version.versionId, etag: version.etag };
  }

  private find(key: string, version?: ObjectVersion): Version | null {
    const versions = this.objects.get(key) ?? [];
    if (version?.versionId)
      return versions.find((v) => v.versionId === version.versionId && !v.deleted) ?? null;
    const last = versions.at(-1);
    const current = last && !last.deleted ? last : null;
    if (current && version?.etag && current.etag !== version.etag) return null;
    return current;
  }

  async get(key: string, version?: ObjectVersion): Promise<Uint8Array | null> {
    return this.find(key, version)?.body ?? null;
  }

  async getWithEtag(key: string): Promise<{ body: Uint8Array; etag: string } | null> {
    const current = this.find(key);
    return current ? { body: current.body, etag: current.etag } : null;
  }

  async put(key: string, body: Uint8Array | string): Promise<void> {
    await this.putVersion(key, body);
  }

  /** As in a versioned bucket: a delete marker becomes the current version. */
  async delete(key: string): Promise<void> {
    const versions = this.objects.get(key);
    if (!versions?.length || versions.at(-1)?.deleted) return;
    const marker = { versionId: randomBytes(8).toString('hex'), body: new Uint8Array(), etag: '' };
    versions.push({ ...marker, modified: new Date(), deleted: true });
  }

  async putIfAbsent(key: string, body: Uint8Array | string): Promise<boolean> {
    if (this.find(key)) return false;
    await this.putVersion(key, body);
    return true;
  }

  async putIfMatch(
    key: string,
    body: Uint8Array | string,
    etag: string | null,
  ): Promise<string | null> {
    const current = this.find(key);
    if (etag === null ? current !== null : current?.etag !== etag) return null;
    return (await this.putVersion(key, body)).etag;
  }

  async head(key: string, version?: ObjectVersion): Promise<ObjectInfo | null> {
    const found = this.find(key, version);
    return found
      ? { size: found.body.byteLength, modified: found.modified, etag: found.etag }
      : null;
  }

  async list(prefix: string): Promise<string[]> {
    return [...this.objects.keys()]
      .filter((key) => key.startsWith(prefix) && this.find(key) !== null)
      .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  }

  async listWithEtags(prefix: string): Promise<ListedObject[]> {
    return (await this.list(prefix)).flatMap((key) => {
      const current = this.find(key);
      return current ? [{ key, etag: current.etag, size: current.body.byteLength }] : [];
    });
  }
}

import { Readable } from 'node:stream';
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { sdkStreamMixin } from '@smithy/util-stream';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../functions/model/errors';
import { makeS3Client } from '../../functions/store/s3-client';
import { S3Store } from '../../functions/store/s3-store';

// The happy paths run against a real S3 server in test/integration/store-contract.test.ts;
// this file covers only the failures such a server cannot be made to produce on demand.

const s3 = mockClient(S3Client);
afterEach(() => s3.reset());

const store = () =>
  new S3Store({
    client: makeS3Client({
      region: 'eu-west-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    }),
    bucket: 'daily-brief-dev-123456789012',
  });

const s3Error = (name: string, status: number, message = name) =>
  new S3ServiceException({
    name,
    message,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status, attempts: 1 },
  });

const accessDenied = () => s3Error('AccessDenied', 403, 'Access Denied');

async function storeErrorOf(promise: Promise<unknown>): Promise<StoreError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StoreError);
  return err as StoreError;
}

describe('S3Store errors', () => {
  it('reads a 403 on a key it may list, and that listing shows absent, as no such key', async () => {
    // The roles may list only their prefixes (s3:prefix condition): S3 answers 403, not 404.
    s3.on(GetObjectCommand).rejects(accessDenied());
    s3.on(HeadObjectCommand).rejects(accessDenied());
    s3.on(ListObjectsV2Command).resolves({
      Contents: [{ Key: 'briefs/2026-11-22/manifest.json.bak' }],
    });
    expect(await store().get('briefs/2026-11-22/manifest.json')).toBeNull();
    expect(await store().head('briefs/2026-11-22/manifest.json')).toBeNull();
    expect(await store().getWithEtag('briefs/2026-11-22/manifest.json')).toBeNull();
    expect(s3.commandCalls(ListObjectsV2Command)[0]?.args[0].input).toMatchObject({
      Prefix: 'briefs/2026-11-22/manifest.json',
      MaxKeys: 1,
    });
    // Listed: the object is there and really forbidden.
    s3.on(ListObjectsV2Command).resolves({
      Contents: [{ Key: 'briefs/2026-11-22/manifest.json' }],
    });
    await storeErrorOf(store().get('briefs/2026-11-22/manifest.json'));
    // Not listable either: the 403 stands.
    s3.on(ListObjectsV2Command).rejects(accessDenied());
    await storeErrorOf(store().head('briefs/2026-11-22/manifest.json'));
  });

  it('turns AccessDenied on get into a StoreError naming the bucket and key', async () => {
    s3.on(GetObjectCommand).rejects(accessDenied());
    const err = await storeErrorOf(store().get('incoming/report.txt'));
    expect(err.message).toContain('s3://daily-brief-dev-123456789012/incoming/report.txt');
    expect(err.message).toContain('AccessDenied');
    expect(err.message).toContain('HTTP 403');
    expect(err.message).toMatch(/function role/);
    expect((err.cause as Error).name).toBe('AccessDenied');
  });

  it.each([
    ['put', (s: S3Store) => s.put('briefs/latest.html', '<p>hi</p>')],
    ['head', (s: S3Store) => s.head('incoming/a.txt')],
    ['list', (s: S3Store) => s.list('articles/2026-11-22/')],
  ] as const)(
    'turns AccessDenied on %s into a StoreError naming the bucket',
    async (operation, call) => {
      s3.on(PutObjectCommand).rejects(accessDenied());
      s3.on(HeadObjectCommand).rejects(accessDenied());
      s3.on(ListObjectsV2Command).rejects(accessDenied());
      const err = await storeErrorOf(call(store()));
      expect(err.message).toMatch(new RegExp(`^${operation} s3://daily-brief-dev-123456789012/`));
      expect(err.cause).toBeInstanceOf(S3ServiceException);
    },
  );

  it('returns false from putIfAbsent when the conditional put answers 412', async () => {
    // Another writer created the key between our HeadObject and our PutObject.
    s3.on(HeadObjectCommand).rejects(s3Error('NotFound', 404));
    s3.on(PutObjectCommand).rejects(s3Error('PreconditionFailed', 412));
    expect(await store().putIfAbsent('articles/2026-11-22/abc.json', '{}')).toBe(false);
    const put = s3.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(put?.IfNoneMatch).toBe('*');
  });

  it('asks again when a conditional put meets one in flight (409), then accepts the 412', async () => {
    s3.on(HeadObjectCommand).rejects(s3Error('NotFound', 404));
    s3.on(PutObjectCommand)
      .rejectsOnce(s3Error('ConditionalRequestConflict', 409))
      .rejectsOnce(s3Error('PreconditionFailed', 412));
    expect(await store().putIfAbsent('articles/_ids/abc.json', '{}')).toBe(false);
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(2);
  });

  it('writes when the conflicting conditional put (409) did not land', async () => {
    s3.on(HeadObjectCommand).rejects(s3Error('NotFound', 404));
    s3.on(PutObjectCommand).rejectsOnce(s3Error('ConditionalRequestConflict', 409)).resolves({});
    expect(await store().putIfAbsent('articles/_ids/abc.json', '{}')).toBe(true);
  });

  it('throws a retryable StoreError when the conditional put keeps conflicting (409)', async () => {
    s3.on(HeadObjectCommand).rejects(s3Error('NotFound', 404));
    s3.on(PutObjectCommand).rejects(s3Error('ConditionalRequestConflict', 409));
    const err = await storeErrorOf(store().putIfAbsent('articles/2026-11-22/abc.json', '{}'));
    expect(err.message).toContain('ConditionalRequestConflict');
  });

  it('does not mistake a missing bucket for a missing key', async () => {
    s3.on(GetObjectCommand).rejects(
      s3Error('NoSuchBucket', 404, 'The specified bucket does not exist'),
    );
    const err = await storeErrorOf(store().get('incoming/a.txt'));
    expect(err.message).toMatch(/NoSuchBucket.*BRIEF_BUCKET/);
  });

  it('returns null for NoSuchKey, and for a bare 404 on head', async () => {
    s3.on(GetObjectCommand).rejects(s3Error('NoSuchKey', 404));
    s3.on(HeadObjectCommand).rejects(s3Error('NotFound', 404));
    expect(await store().get('incoming/a.txt')).toBeNull();
    expect(await store().head('incoming/a.txt')).toBeNull();
  });

  it('wraps a body stream that fails half-way in a StoreError', async () => {
    const body = new Readable({
      read() {
        this.push('half of the ');
        this.destroy(new Error('socket hang up'));
      },
    });
    s3.on(GetObjectCommand).resolves({ Body: sdkStreamMixin(body) });
    const err = await storeErrorOf(store().get('incoming/big.txt'));
    expect(err.message).toContain('s3://daily-brief-dev-123456789012/incoming/big.txt');
    expect(err.message).toContain('socket hang up');
  });

  it('refuses to be built without a bucket name', () => {
    expect(() => new S3Store({ client: new S3Client({}), bucket: '' })).toThrow(/BRIEF_BUCKET/);
  });
});

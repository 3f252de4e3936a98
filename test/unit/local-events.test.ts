import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeS3Key } from '../../functions/handlers/ingest';
import {
  type AwsS3Event,
  EventDispatcher,
  encodeEventKey,
  orderedSequencer,
  type ServerS3Event,
  toAwsS3Event,
} from '../../infra/local/s3-events';
import { loadEvent } from '../helpers/events';

describe('the local event path', () => {
  it("re-encodes radosgw's sequencer (its timestamp's bytes) so that later events sort later", () => {
    // 8E43036B CEB2C22A: seconds 1795376014 and nanoseconds 717402830, each little-endian.
    expect(orderedSequencer('ceph:s3', '8E43036BCEB2C22A')).toBe('6B03438E2AC2B2CE');
    const earlier = orderedSequencer('ceph:s3', 'FF42036BCEB2C22A'); // one second before
    expect(earlier < orderedSequencer('ceph:s3', '8E43036BCEB2C22A')).toBe(true);
    expect(orderedSequencer('aws:s3', '0A1B2C3D4E5F678901')).toBe('0A1B2C3D4E5F678901');
  });

  it('turns a radosgw notification (as captured from radosgw 16.2) into the event AWS delivers', () => {
    const event = toAwsS3Event(loadEvent<ServerS3Event>('rgw-notification'));
    const aws = loadEvent<AwsS3Event>('s3-put-encoded-key');
    const [record] = event.Records;
    expect(Object.keys(record ?? {}).sort()).toEqual(Object.keys(aws.Records[0] ?? {}).sort());
    expect(Object.keys(record?.s3.object ?? {}).sort()).toEqual(
      ['key', 'size', 'eTag', 'sequencer'].sort(),
    );
    expect(record).toMatchObject({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: 'us-east-1',
      eventTime: '2026-11-22T19:33:34.715Z',
      eventName: 'ObjectCreated:Put',
      s3: {
        bucket: { name: 'try', arn: 'arn:aws:s3:::try' },
        object: { key: 'incoming/press+release+%E2%80%94+copy+%281%29.txt', size: 5 },
      },
    });
  });

  it('stamps an event whose time cannot be read with the time it arrived, instead of throwing', () => {
    const before = Date.now();
    const event = toAwsS3Event({
      Records: [
        {
          eventName: 'ObjectCreated:Put',
          eventTime: 'not a time',
          s3: { bucket: { name: 'b' }, object: { key: 'incoming/a.txt' } },
        },
      ],
    });
    const time = Date.parse(event.Records[0]?.eventTime ?? '');
    expect(time).toBeGreaterThanOrEqual(before - 1000);
    expect(time).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('encodes keys so that the ingest handler decodes them back exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (name) => {
        const key = `incoming/${name}`;
        expect(decodeS3Key(encodeEventKey(key))).toBe(key);
      }),
    );
    expect(encodeEventKey('incoming/a b+c.txt')).toBe('incoming/a+b%2Bc.txt');
  });

  it('invokes the handler only for object creations under the prefix, and reports its result', async () => {
    const seen: string[] = [];
    const dispatcher = new EventDispatcher(
      async (event) => {
        seen.push(...event.Records.map((record) => record.s3.object.key));
        if (seen.length > 1) throw new Error('handler failed');
        return 'done';
      },
      { prefix: 'incoming/' },
    );
    const event = (key: string, eventName = 'ObjectCreated:Put') =>
      toAwsS3Event({ Records: [{ eventName, s3: { bucket: { name: 'b' }, object: { key } } }] });

    const first = dispatcher.waitFor('incoming/a b.txt');
    dispatcher.dispatch(event('articles/2026-11-22/x.json'));
    dispatcher.dispatch(event('incoming/gone.txt', 'ObjectRemoved:Delete'));
    dispatcher.dispatch(event('incoming/a b.txt'));
    expect(await first).toEqual({ keys: ['incoming/a b.txt'], result: 'done', attempts: 1 });

    const second = dispatcher.waitFor('incoming/b.txt');
    dispatcher.dispatch(event('incoming/b.txt'));
    expect((await second).error).toBeInstanceOf(Error);
    await dispatcher.idle();
    expect(seen).toEqual(['incoming/a+b.txt', 'incoming/b.txt']);
  });
});

/**
 * The local event path: S3-compatible servers notify object creations in shapes close to
 * AWS's (s3rver in-process, radosgw over HTTP); these helpers turn them into the event AWS
 * delivers to Lambda and invoke the real handler with it, as S3 would (asynchronously, one
 * invocation per notification).
 */

/** One record of an S3 event notification as AWS delivers it to Lambda (event version 2.1). */
export interface AwsS3EventRecord {
  eventVersion: string;
  eventSource: 'aws:s3';
  awsRegion: string;
  eventTime: string;
  eventName: string;
  userIdentity: { principalId: string };
  requestParameters: { sourceIPAddress: string };
  responseElements: Record<string, string>;
  s3: {
    s3SchemaVersion: '1.0';
    configurationId: string;
    bucket: { name: string; ownerIdentity: { principalId: string }; arn: string };
    object: { key: string; size?: number; eTag?: string; versionId?: string; sequencer: string };
  };
}

export interface AwsS3Event {
  Records: AwsS3EventRecord[];
}

/** What s3rver and radosgw send: the AWS layout, with their own key encoding and extra fields. */
export interface ServerS3Event {
  Records?: {
    eventSource?: string;
    eventTime?: string;
    eventName?: string;
    awsRegion?: string;
    userIdentity?: { principalId?: string };
    requestParameters?: { sourceIPAddress?: string };
    responseElements?: Record<string, string>;
    s3?: {
      configurationId?: string;
      bucket?: { name?: string; ownerIdentity?: { principalId?: string } };
      object?: {
        key?: string;
        size?: number;
        eTag?: string;
        versionId?: string;
        sequencer?: string;
      };
    };
  }[];
}

/**
 * Encodes a key as AWS does in event notifications: form encoding (UTF-8 percent-escapes,
 * spaces as '+', only letters, digits and `.-*_` left as they are), slashes kept. The ingest
 * handler decodes it with `decodeS3Key`.
 */
export function encodeEventKey(key: string): string {
  return key
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment)
        .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
        .replace(/%20/g, '+'),
    )
    .join('/');
}

/**
 * The event's time as AWS writes it. radosgw sometimes sends a time `Date` cannot read (seen
 * under load: an empty or zeroed field); such an event is stamped with the time it arrived
 * rather than crashing the receiver and losing the notification.
 */
function eventTimeOf(value: string | undefined): string {
  const parsed = value ? new Date(value) : null;
  return parsed && !Number.isNaN(parsed.getTime())
    ? parsed.toISOString()
    : new Date().toISOString();
}

/**
 * The AWS form of a server's notification. s3rver and radosgw both send the raw key (AWS
 * URL-encodes it); radosgw adds `eventId`, `opaqueData`, object metadata and tags, and says
 * `ceph:s3`. Records without a key are dropped.
 */
export function toAwsS3Event(event: ServerS3Event, region = 'us-east-1'): AwsS3Event {
  const records: AwsS3EventRecord[] = [];
  for (const record of event.Records ?? []) {
    const object = record.s3?.object;
    const bucket = record.s3?.bucket?.name ?? '';
    if (!object?.key) continue;
    records.push({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: record.awsRegion || region,
      eventTime: eventTimeOf(record.eventTime),
      eventName: record.eventName ?? 'ObjectCreated:Put',
      userIdentity: { principalId: record.userIdentity?.principalId ?? 'local' },
      requestParameters: {
        sourceIPAddress: record.requestParameters?.sourceIPAddress || '127.0.0.1',
      },
      responseElements: record.responseElements ?? {},
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: record.s3?.configurationId ?? 'ingest',
        bucket: {
          name: bucket,
          ownerIdentity: { principalId: record.s3?.bucket?.ownerIdentity?.principalId ?? 'local' },
          arn: `arn:aws:s3:::${bucket}`,
        },
        object: {
          key: encodeEventKey(object.key),
          ...(object.size !== undefined ? { size: object.size } : {}),
          ...(object.eTag ? { eTag: object.eTag.replace(/"/g, '') } : {}),
          ...(object.versionId ? { versionId: object.versionId } : {}),
          sequencer: orderedSequencer(record.eventSource, object.sequencer),
        },
      },
    });
  }
  return { Records: records };
}

/**
 * A sequencer that orders the events of one key as AWS's do (greater hex = later). radosgw's
 * is the hex of its timestamp's bytes in memory (`utime_t`: seconds, then nanoseconds, each a
 * little-endian 32-bit integer), which does not sort; it is re-encoded big-endian, seconds
 * then nanoseconds. s3rver sends none: the time of the notification stands in.
 */
export function orderedSequencer(
  source: string | undefined,
  sequencer: string | undefined,
): string {
  if (!sequencer) return Date.now().toString(16).toUpperCase().padStart(16, '0');
  if (source !== 'ceph:s3' || !/^[0-9A-Fa-f]{16}$/.test(sequencer)) return sequencer;
  const bytes = Buffer.from(sequencer, 'hex');
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(8, '0');
  return hex(bytes.readUInt32LE(0)) + hex(bytes.readUInt32LE(4));
}

export interface DispatchResult {
  keys: string[];
  result?: unknown;
  error?: unknown;
  /** How many times the handler was invoked for this notification (1 + retries). */
  attempts?: number;
}

export interface DispatchOptions {
  prefix: string;
  onResult?: (outcome: DispatchResult) => void;
  /**
   * Retries of a failed invocation, as Lambda retries an asynchronous invocation (twice by
   * default in AWS; 0 here unless set).
   */
  retries?: number;
  /** Wait before retry `n` (1-based); Lambda waits about a minute, then two. */
  retryDelayMs?: (retry: number) => number;
  /** Told each retry, with the error that caused it. */
  onRetry?: (event: AwsS3Event, error: unknown, retry: number) => void;
  /**
   * Given the event and the last error once every attempt failed: what Lambda's on-failure
   * destination (the failure queue) receives. Awaited before the result is settled.
   */
  onFailure?: (event: AwsS3Event, error: unknown, attempts: number) => Promise<void> | void;
}

/**
 * Invokes a handler for each object-created notification under `prefix` (the filter of the
 * bucket notification), without waiting, as S3 invokes Lambda asynchronously: a failed
 * invocation is retried `retries` times, then handed to `onFailure`. `waitFor(key)` resolves
 * with the handler's result for the next notification about that key.
 */
export class EventDispatcher {
  private readonly waiters = new Map<string, ((outcome: DispatchResult) => void)[]>();
  private readonly running = new Set<Promise<void>>();
  /** Notifications handled so far (each settled once, after its retries). */
  handled = 0;

  constructor(
    private readonly invoke: (event: AwsS3Event) => Promise<unknown>,
    private readonly options: DispatchOptions,
  ) {}

  dispatch(event: AwsS3Event): void {
    const records = event.Records.filter(
      (record) =>
        record.eventName.startsWith('ObjectCreated:') &&
        decodeKey(record.s3.object.key).startsWith(this.options.prefix),
    );
    if (records.length === 0) return;
    const keys = records.map((record) => decodeKey(record.s3.object.key));
    // Never throw into the caller (a server's event emitter): a handler that fails, even
    // synchronously, settles the waiters with its error.
    const run = this.attempt({ Records: records }).then((outcome) =>
      this.settle({ keys, ...outcome }),
    );
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }

  private async attempt(
    event: AwsS3Event,
  ): Promise<{ result?: unknown; error?: unknown; attempts: number }> {
    const retries = this.options.retries ?? 0;
    let error: unknown;
    for (let attempt = 1; attempt <= retries + 1; attempt++) {
      try {
        return { result: await this.invoke(event), attempts: attempt };
      } catch (caught) {
        error = caught;
      }
      if (attempt <= retries) {
        this.options.onRetry?.(event, error, attempt);
        await new Promise((resolve) =>
          setTimeout(resolve, this.options.retryDelayMs?.(attempt) ?? 0),
        );
      }
    }
    try {
      await this.options.onFailure?.(event, error, retries + 1);
    } catch {
      // The failure record is best effort; the error below still reaches the waiters.
    }
    return { error, attempts: retries + 1 };
  }

  /** The result of the handler run for the next notification about `key`. */
  waitFor(key: string, timeoutMs = 30_000): Promise<DispatchResult> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`no notification for ${key} reached the handler in ${timeoutMs} ms`));
      }, timeoutMs);
      const list = this.waiters.get(key) ?? [];
      list.push((outcome) => {
        clearTimeout(timer);
        resolve(outcome);
      });
      this.waiters.set(key, list);
    });
  }

  /** Resolves when every invocation started so far has finished. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private settle(outcome: DispatchResult): void {
    this.handled += outcome.keys.length;
    this.options.onResult?.(outcome);
    for (const key of outcome.keys) {
      const list = this.waiters.get(key);
      const next = list?.shift();
      if (list?.length === 0) this.waiters.delete(key);
      next?.(outcome);
    }
  }
}

/**
 * The record Lambda's on-failure destination receives for an asynchronous invocation whose
 * retries are exhausted (the failure queue's message body), for a local failures folder.
 */
export function failureRecord(
  event: AwsS3Event,
  error: unknown,
  attempts: number,
  functionArn: string,
  now = new Date(),
): Record<string, unknown> {
  const err = error instanceof Error ? error : new Error(String(error));
  return {
    version: '1.0',
    timestamp: now.toISOString(),
    requestContext: {
      requestId: `local-${now.getTime().toString(36)}`,
      functionArn,
      condition: 'RetriesExhausted',
      approximateInvokeCount: attempts,
    },
    requestPayload: event,
    responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
    responsePayload: { errorType: err.name, errorMessage: err.message },
  };
}

function decodeKey(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, ' '));
}

import { StoreError } from '../../functions/model/errors';
import type { ListedObject, ObjectInfo, ObjectVersion, Store } from '../../functions/store/store';

type Operation =
  | 'get'
  | 'getWithEtag'
  | 'put'
  | 'delete'
  | 'putIfAbsent'
  | 'putIfMatch'
  | 'head'
  | 'list'
  | 'listWithEtags';

interface Fault {
  operation: Operation;
  key: RegExp;
  times: number;
}

interface Gate {
  operation: Operation;
  key: RegExp;
  reached: () => void;
  opened: Promise<void>;
}

/**
 * A Store that passes every call to another, except the ones it was told to fail (a
 * `StoreError`, as a network error or a 500 would give) or to hold until released (to order
 * two compiles' steps on purpose). Records every write, so tests can say what was written.
 */
export class FaultyStore implements Store {
  private faults: Fault[] = [];
  private gates: Gate[] = [];
  readonly writes: string[] = [];
  /** How many calls were failed on purpose. */
  injected = 0;

  constructor(readonly inner: Store) {}

  /** The next `times` calls of `operation` on a key matching `key` fail. */
  fail(operation: Operation, key: RegExp, times = 1): this {
    this.faults.push({ operation, key, times });
    return this;
  }

  /**
   * The next call of `operation` on a key matching `key` waits until `release()`; `reached`
   * resolves when it is waiting.
   */
  hold(operation: Operation, key: RegExp): { reached: Promise<void>; release: () => void } {
    let release!: () => void;
    let reached!: () => void;
    const opened = new Promise<void>((resolve) => {
      release = resolve;
    });
    const arrived = new Promise<void>((resolve) => {
      reached = resolve;
    });
    this.gates.push({ operation, key, reached, opened });
    return { reached: arrived, release };
  }

  private async before(operation: Operation, key: string): Promise<void> {
    const gate = this.gates.find((g) => g.operation === operation && g.key.test(key));
    if (gate) {
      this.gates.splice(this.gates.indexOf(gate), 1);
      gate.reached();
      await gate.opened;
    }
    const fault = this.faults.find((f) => f.operation === operation && f.key.test(key));
    if (fault) {
      fault.times--;
      if (fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
      this.injected++;
      throw new StoreError(`${operation} ${key} failed: injected fault (HTTP 500)`);
    }
  }

  async get(key: string, version?: ObjectVersion): Promise<Uint8Array | null> {
    await this.before('get', key);
    return this.inner.get(key, version);
  }

  async getWithEtag(key: string): Promise<{ body: Uint8Array; etag: string } | null> {
    await this.before('getWithEtag', key);
    return this.inner.getWithEtag(key);
  }

  async put(key: string, body: Uint8Array | string, contentType?: string): Promise<void> {
    await this.before('put', key);
    await this.inner.put(key, body, contentType);
    this.writes.push(key);
  }

  async delete(key: string): Promise<void> {
    await this.before('delete', key);
    await this.inner.delete(key);
    this.writes.push(key);
  }

  async putIfAbsent(
    key: string,
    body: Uint8Array | string,
    contentType?: string,
  ): Promise<boolean> {
    await this.before('putIfAbsent', key);
    const written = await this.inner.putIfAbsent(key, body, contentType);
    if (written) this.writes.push(key);
    return written;
  }

  async putIfMatch(
    key: string,
    body: Uint8Array | string,
    etag: string | null,
    contentType?: string,
  ): Promise<string | null> {
    await this.before('putIfMatch', key);
    const written = await this.inner.putIfMatch(key, body, etag, contentType);
    if (written) this.writes.push(key);
    return written;
  }

  async head(key: string, version?: ObjectVersion): Promise<ObjectInfo | null> {
    await this.before('head', key);
    return this.inner.head(key, version);
  }

  async list(prefix: string): Promise<string[]> {
    await this.before('list', prefix);
    return this.inner.list(prefix);
  }

  async listWithEtags(prefix: string): Promise<ListedObject[]> {
    await this.before('listWithEtags', prefix);
    return this.inner.listWithEtags(prefix);
  }
}

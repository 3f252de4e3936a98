/**
 * Lists of positions by 32-bit hash (a shingle), capped in length: a hash table of its own,
 * open addressing over typed arrays. Most 32-bit hashes are no small integers to the engine,
 * so as keys of a `Map` each lookup hashed a boxed number; an edition looks up every shingle
 * of every sentence.
 */
export class Postings {
  private bits = 10;
  private keys = new Uint32Array(1 << this.bits);
  private lists: (number[] | undefined)[] = new Array(1 << this.bits);
  private size = 0;

  constructor(private readonly cap: number) {}

  /** The positions listed under `key` (at most `cap`, the first ones added), if any. */
  get(key: number): number[] | undefined {
    const mask = (1 << this.bits) - 1;
    for (let slot = this.slotOf(key); ; slot = (slot + 1) & mask) {
      const list = this.lists[slot];
      if (list === undefined || this.keys[slot] === key) return list;
    }
  }

  /** Lists `position` under `key`, unless its list is full. */
  add(key: number, position: number): void {
    const mask = (1 << this.bits) - 1;
    let slot = this.slotOf(key);
    for (;;) {
      const list = this.lists[slot];
      if (list === undefined) break;
      if (this.keys[slot] === key) {
        if (list.length < this.cap) list.push(position);
        return;
      }
      slot = (slot + 1) & mask;
    }
    this.keys[slot] = key;
    this.lists[slot] = [position];
    if (++this.size * 2 > 1 << this.bits) this.grow();
  }

  private slotOf(key: number): number {
    // Fibonacci hashing: the high bits of the product.
    return Math.imul(key, 0x9e3779b1) >>> (32 - this.bits);
  }

  private grow(): void {
    const keys = this.keys;
    const lists = this.lists;
    this.bits++;
    this.keys = new Uint32Array(1 << this.bits);
    this.lists = new Array(1 << this.bits);
    const mask = (1 << this.bits) - 1;
    for (let old = 0; old < lists.length; old++) {
      const list = lists[old];
      if (list === undefined) continue;
      const key = keys[old] as number;
      let slot = this.slotOf(key);
      while (this.lists[slot] !== undefined) slot = (slot + 1) & mask;
      this.keys[slot] = key;
      this.lists[slot] = list;
    }
  }
}

/**
 * A term-weight vector packed for fast dot products: its terms as numbers (ids given by a
 * shared `TermIds`) in the order the vector's map had them, and an open-addressing table from
 * term to weight. The dot product reads the smaller vector's terms in that order, as the map
 * version did, so every sum is added up in the same order and comes out to the same bits.
 */
export interface SparseVector {
  readonly size: number;
  /** Term ids, in the order of the map the vector was made from. */
  readonly terms: Int32Array;
  readonly weights: Float64Array;
  /** Hash table: term id + 1 per slot (0: empty), and the weight in the same slot. */
  readonly slots: Int32Array;
  readonly values: Float64Array;
  readonly mask: number;
}

/** Numbers for terms, shared by the vectors that are compared with each other. */
export class TermIds {
  private readonly ids = new Map<string, number>();

  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(term, id);
    }
    return id;
  }
}

export function sparseVector(vector: Map<string, number>, ids: TermIds): SparseVector {
  const size = vector.size;
  const terms = new Int32Array(size);
  const weights = new Float64Array(size);
  // A sparse table (a quarter full at most): most lookups are of terms the vector lacks, and
  // those end at the first empty slot.
  let capacity = 8;
  while (capacity < size * 4) capacity *= 2;
  const mask = capacity - 1;
  const slots = new Int32Array(capacity);
  const values = new Float64Array(capacity);
  let k = 0;
  for (const [term, weight] of vector) {
    const id = ids.idOf(term);
    terms[k] = id;
    weights[k] = weight;
    k++;
    let slot = hash(id) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = id + 1;
    values[slot] = weight;
  }
  return { size, terms, weights, slots, values, mask };
}

/** The weight of a term in the vector, 0 when it has none. */
function weightOf(vector: SparseVector, id: number): number {
  const { slots, mask } = vector;
  let slot = hash(id) & mask;
  for (;;) {
    const found = slots[slot] as number;
    if (found === id + 1) return vector.values[slot] as number;
    if (found === 0) return 0;
    slot = (slot + 1) & mask;
  }
}

/** The dot product (the cosine of unit vectors), summed over the smaller vector's terms in order. */
export function dot(a: SparseVector, b: SparseVector): number {
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  const { terms, weights } = small;
  let sum = 0;
  for (let k = 0; k < small.size; k++)
    sum += (weights[k] as number) * weightOf(large, terms[k] as number);
  return sum;
}

function hash(id: number): number {
  return Math.imul(id, 0x9e3779b1);
}

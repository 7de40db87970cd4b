/**
 * The keys a scan has already returned, so each is listed once: SCAN may return a key more than
 * once (when the server's hash table is resized during the scan), and only a record of what was
 * seen can tell.
 *
 * The trade-off: keeping the keys themselves costs their length plus 40-80 bytes each in V8 (a
 * 1,000,000-key scan: ~100 MB in the extension host). This keeps a 64-bit fingerprint of each key
 * instead, in an open-addressing table of typed arrays: 16 bytes a key at most (8 bytes a slot,
 * at most half full), whatever the key's length. Two different keys share a fingerprint with a
 * probability of about n²/2⁶⁵ (3·10⁻⁸ for a million keys); then the second would be taken for a
 * repeat and not listed. Past the memory budget the set stops growing: later keys are counted
 * without being checked, so counts become "at least" figures (`exact` turns false) rather than the
 * extension host running out of memory.
 */
export class SeenKeys {
  private table: Uint32Array;
  private mask: number;
  private used = 0;
  private readonly maxSlots: number;
  /** False once the budget was reached: repeats may have been counted since. */
  exact = true;

  constructor(readonly budgetBytes = 64 * 1024 * 1024) {
    this.maxSlots = 2 ** Math.floor(Math.log2(Math.max(1024, budgetBytes / 8)));
    const slots = Math.min(this.maxSlots, 1 << 14);
    this.table = new Uint32Array(slots * 2);
    this.mask = slots - 1;
  }

  get size(): number {
    return this.used;
  }

  /** The bytes the table holds now. */
  get bytes(): number {
    return this.table.byteLength;
  }

  /** True when the key was not seen before (or can no longer be checked). */
  add(key: Uint8Array): boolean {
    const [h1, h2] = fingerprint(key);
    if (this.find(h1, h2) >= 0) return false;
    if ((this.used + 1) * 2 > this.mask + 1 && !this.grow()) {
      this.exact = false;
      return true;
    }
    this.insert(h1, h2);
    this.used++;
    return true;
  }

  /** Whether the key was seen (by fingerprint). */
  has(key: Uint8Array): boolean {
    const [h1, h2] = fingerprint(key);
    return this.find(h1, h2) >= 0;
  }

  private find(h1: number, h2: number): number {
    const t = this.table;
    for (let i = h1 & this.mask; ; i = (i + 1) & this.mask) {
      const a = t[i * 2]!;
      const b = t[i * 2 + 1]!;
      if (a === 0 && b === 0) return -1;
      if (a === h1 && b === h2) return i;
    }
  }

  private insert(h1: number, h2: number): void {
    const t = this.table;
    let i = h1 & this.mask;
    while (t[i * 2] !== 0 || t[i * 2 + 1] !== 0) i = (i + 1) & this.mask;
    t[i * 2] = h1;
    t[i * 2 + 1] = h2;
  }

  private grow(): boolean {
    const slots = (this.mask + 1) * 2;
    if (slots > this.maxSlots) return false;
    const old = this.table;
    this.table = new Uint32Array(slots * 2);
    this.mask = slots - 1;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i] !== 0 || old[i + 1] !== 0) this.insert(old[i]!, old[i + 1]!);
    }
    return true;
  }
}

/** Two independent 32-bit hashes (FNV-1a and a multiply-rotate hash, each finished with murmur3's fmix32); never (0, 0). */
export function fingerprint(key: Uint8Array): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key[i]!;
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 = (h2 << 13) | (h2 >>> 19);
  }
  h1 = fmix(h1 ^ key.length);
  h2 = fmix(h2);
  return [h1 >>> 0, (h2 | 1) >>> 0];
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

// A set of 12-digit division codes held as numbers (12 digits fit a double exactly) in one
// open-addressing table of doubles: per code 16 to 32 bytes and no object, where a Set<number>
// keeps a heap number per code (which the garbage collector copies while the file is read).
const EMPTY = -1;

export class CodeSet {
  private slots = new Float64Array(1 << 12).fill(EMPTY);
  private count = 0;

  get size(): number {
    return this.count;
  }

  has(code: number): boolean {
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let i = slotOf(code) & mask; ; i = (i + 1) & mask) {
      const value = slots[i]!;
      if (value === code) return true;
      if (value === EMPTY) return false;
    }
  }

  /** Adds the code; false when it was there already. */
  add(code: number): boolean {
    const slots = this.slots;
    const mask = slots.length - 1;
    let i = slotOf(code) & mask;
    for (let value = slots[i]!; value !== EMPTY; value = slots[i]!) {
      if (value === code) return false;
      i = (i + 1) & mask;
    }
    slots[i] = code;
    this.count += 1;
    // at most half full, so that a probe ends soon
    if (this.count * 2 > slots.length) this.grow();
    return true;
  }

  clear(): void {
    this.slots = new Float64Array(1 << 12).fill(EMPTY);
    this.count = 0;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Float64Array(old.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let j = 0; j < old.length; j++) {
      const code = old[j]!;
      if (code === EMPTY) continue;
      let i = slotOf(code) & mask;
      while (slots[i] !== EMPTY) i = (i + 1) & mask;
      slots[i] = code;
    }
    this.slots = slots;
  }
}

/** A well-mixed 32-bit hash of a non-negative integer below 2^53 (every bit counts in the low ones). */
function slotOf(code: number): number {
  const low = code % 0x1_0000_0000;
  let h = (low ^ Math.imul((code - low) / 0x1_0000_0000, 0x9e3779b1)) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

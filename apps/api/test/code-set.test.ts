import { describe, expect, it } from 'vitest';
import { CodeSet } from '../src/services/divisions/code-set.js';

describe('CodeSet', () => {
  it('holds 12-digit codes as numbers, through many growths, like a Set', () => {
    const codes = new CodeSet();
    const reference = new Set<number>();
    for (let i = 0; i < 50_000; i += 1) {
      // villages of many townships, then codes that differ only in their high digits
      const code = i % 2 === 0 ? 330729100000 + i : 110000000000 + i * 1_000_000;
      expect(codes.add(code)).toBe(true);
      reference.add(code);
    }
    expect(codes.size).toBe(reference.size);
    for (const code of reference) {
      expect(codes.has(code)).toBe(true);
      expect(codes.add(code)).toBe(false);
    }
    expect(codes.has(0)).toBe(false);
    expect(codes.has(330729100001)).toBe(false);
    expect(codes.has(999999999999)).toBe(false);
    codes.clear();
    expect(codes.size).toBe(0);
    expect(codes.has(330729100000)).toBe(false);
  });
});

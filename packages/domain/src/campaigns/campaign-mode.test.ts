import { describe, expect, it } from 'vitest';
import { subjectCounter, subjectLevelName, subjectLevels, subjectNoun } from './campaign-mode.js';

describe('subject words', () => {
  it.each([
    ['village', '村（社区）', '村', '个村'],
    ['township', '乡镇（街道）', '乡镇', '个乡镇'],
    ['county_unit', '县直单位', '单位', '个单位'],
  ] as const)('%s: %s, %s, %s', (level, name, noun, counter) => {
    expect(subjectLevelName(level).zh).toBe(name);
    expect(subjectNoun(level).zh).toBe(noun);
    expect(subjectCounter(level).zh).toBe(counter);
  });

  it('every level has its words in both languages', () => {
    for (const level of subjectLevels) {
      for (const words of [subjectLevelName(level), subjectNoun(level), subjectCounter(level)]) {
        expect(words.zh).not.toBe('');
        expect(words.en).not.toBe('');
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { methodFromText } from './method-from-text.js';

describe('methodFromText', () => {
  it.each([
    ['实地查看', 'site_visit'],
    ['查阅资料、实地查看', 'ledger'],
    ['查看台账', 'ledger'],
    ['随机走访群众', 'interview'],
    ['问卷调查', 'survey'],
    ['ledger', 'ledger'],
    [' 现场 检查 ', 'site_visit'],
  ])('reads “%s” as %s', (text, method) => {
    expect(methodFromText(text)).toBe(method);
  });

  it.each(['', '听取汇报', '综合评定'])('names no method in “%s”', (text) => {
    expect(methodFromText(text)).toBeNull();
  });
});

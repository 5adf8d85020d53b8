import { describe, expect, it } from 'vitest';
import { changeLine } from './change-line';

const w = (zh: string, en: string) => ({ zh, en });

describe('changeLine', () => {
  const state = {
    field: w('状态', 'state'),
    before: w('乡镇初审通过', 'township approved'),
    after: w('县级验收通过', 'county accepted'),
  };

  it('reads a change as 字段：旧值 → 新值, in the chosen language', () => {
    expect(changeLine(state, 'zh', '（已删除）')).toBe('状态：乡镇初审通过 → 县级验收通过');
    expect(changeLine(state, 'en', ' (removed)')).toBe(
      'state: township approved → county accepted',
    );
  });

  it('shows a created value alone and marks a removed one', () => {
    expect(changeLine({ ...state, before: null }, 'zh', '（已删除）')).toBe('状态：县级验收通过');
    expect(changeLine({ ...state, after: null }, 'zh', '（已删除）')).toBe(
      '状态：乡镇初审通过（已删除）',
    );
  });

  it('never shows the codes behind the words', () => {
    const line = changeLine(state, 'zh', '（已删除）');
    expect(line).not.toMatch(/township_approved|county_accepted|[{}"]/);
  });
});

import { describe, expect, it } from 'vitest';
import { commentDeadline } from './comment-deadline.js';
import { daysTaken, deadlineRange, escalation, trafficLight } from './traffic-light.js';

const deadline = '2026-03-10';

describe('trafficLight', () => {
  it.each([
    ['2026-03-06', 'green'], // 4 days left
    ['2026-03-07', 'yellow'], // 3 days left: yellow begins
    ['2026-03-09', 'yellow'],
    ['2026-03-10', 'yellow'], // the deadline day is still yellow
    ['2026-03-11', 'red'], // the day after is red
    ['2026-04-30', 'red'],
  ] as const)('on %s a task due %s is %s', (today, light) => {
    expect(trafficLight(deadline, today)).toBe(light);
  });

  it('takes the yellow window from the options', () => {
    expect(trafficLight(deadline, '2026-03-05', { yellowWithinDays: 5 })).toBe('yellow');
    expect(trafficLight(deadline, '2026-03-07', { yellowWithinDays: 0 })).toBe('green');
    expect(trafficLight(deadline, '2026-03-10', { yellowWithinDays: 0 })).toBe('yellow');
  });

  it('counts across a month end and a leap day', () => {
    expect(trafficLight('2028-03-01', '2028-02-27')).toBe('yellow');
    expect(trafficLight('2028-03-01', '2028-02-26')).toBe('green');
  });

  it('throws on a malformed date', () => {
    expect(() => trafficLight('2026-02-30', '2026-02-01')).toThrow(RangeError);
  });
});

describe('deadlineRange', () => {
  it.each(['2026-03-06', '2026-03-07', '2026-03-10', '2026-03-11'])(
    'selects on %s the same deadlines trafficLight colours',
    (today) => {
      for (const light of ['green', 'yellow', 'red'] as const) {
        const { from, to } = deadlineRange(light, today);
        const inRange =
          (from === undefined || deadline >= from) && (to === undefined || deadline <= to);
        expect(inRange).toBe(trafficLight(deadline, today) === light);
      }
    },
  );
});

describe('escalation', () => {
  it.each([
    ['2026-03-10', 0, false], // the deadline day: not red
    ['2026-03-11', 1, false], // red day 1
    ['2026-03-12', 2, false],
    ['2026-03-13', 3, true], // three red days: the level above sees it
  ] as const)('on %s: %i red days, escalated %s', (today, redDays, escalated) => {
    expect(escalation(deadline, today)).toEqual({ redDays, escalated });
  });

  it('takes the number of red days from the options', () => {
    expect(escalation(deadline, '2026-03-11', { escalateAfterRedDays: 1 }).escalated).toBe(true);
    expect(escalation(deadline, '2026-03-13', { escalateAfterRedDays: 7 }).escalated).toBe(false);
    expect(escalation(deadline, '2026-03-10', { escalateAfterRedDays: 0 }).escalated).toBe(false);
  });
});

describe('daysTaken', () => {
  it('counts whole days', () => {
    expect(daysTaken('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysTaken('2026-03-02', '2026-03-02')).toBe(0);
  });
});

describe('commentDeadline', () => {
  it('is fifteen days after receipt by default, across a month end', () => {
    expect(commentDeadline('2026-03-01')).toBe('2026-03-16');
    expect(commentDeadline('2026-02-20', 10)).toBe('2026-03-02');
  });
});

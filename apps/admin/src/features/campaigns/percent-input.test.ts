import { describe, expect, it } from 'vitest';
import { percentDisplay } from './percent-input';

describe('percentDisplay', () => {
  const third = 100 / 3;
  const { formatter, parser } = percentDisplay(third);

  it('shows an exact rate to one decimal, and the typing as typed', () => {
    expect(formatter(third, { userTyping: false, input: '' })).toBe('33.3');
    expect(formatter(200 / 3, { userTyping: false, input: '' })).toBe('66.7');
    expect(formatter(33, { userTyping: true, input: '33.33' })).toBe('33.33');
  });

  it('reads the shown text back as the exact value, so leaving the input changes nothing', () => {
    expect(parser('33.3')).toBe(third);
    expect(parser('40')).toBe('40');
    expect(parser('')).toBe(''); // clears the input
  });
});

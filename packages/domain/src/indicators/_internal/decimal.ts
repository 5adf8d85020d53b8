/**
 * Exact decimal helpers. Points are kept in integer hundredths; numbers are read as the shortest
 * decimal that round-trips to them (what `String(n)` prints), never by multiplying floats.
 */

/** The largest magnitude a framework number may have (keeps hundredths far inside 2^53). */
export const maxMagnitude = 1_000_000_000;

/**
 * The integer hundredths of `n` when it is finite, within ±`maxMagnitude` and has at most two
 * decimals; otherwise `null`. `0.29` → 29, `1.5` → 150, `0.125` → null.
 */
export function toHundredths(n: number): number | null {
  if (!Number.isFinite(n) || Math.abs(n) > maxMagnitude) return null;
  if (Number.isInteger(n)) return n * 100 + 0; // + 0 turns −0 into 0
  return hundredthsOfText(String(n));
}

/**
 * The integer hundredths of a non-integer number within ±`maxMagnitude` from its `String(n)`
 * text, or `null` when it has more than two decimals.
 */
export function hundredthsOfText(text: string): number | null {
  if (text.includes('e')) return null; // only tiny magnitudes print in exponent form here
  const negative = text.charCodeAt(0) === 45;
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf('.');
  const fraction = body.slice(dot + 1);
  if (fraction.length > 2) return null;
  const whole = Number(body.slice(0, dot));
  const cents = whole * 100 + Number(fraction.length === 1 ? fraction + '0' : fraction);
  return negative ? -cents : cents;
}

/** True when `n` is finite and has more than two decimals (within the allowed magnitude). */
export function hasMoreThanTwoDecimals(n: number): boolean {
  return Number.isFinite(n) && Math.abs(n) <= maxMagnitude && toHundredths(n) === null;
}

/** Integer hundredths to the number they stand for: 150 → 1.5 (correctly rounded division). */
export function fromHundredths(h: number): number {
  return h / 100 + 0;
}

/** Integer hundredths as a short decimal: 150 → "1.5", 5 → "0.05", 200 → "2", −50 → "-0.5". */
export function formatHundredths(h: number): string {
  if (h % 100 === 0) return String(h / 100);
  const sign = h < 0 ? '-' : '';
  const abs = h < 0 ? -h : h;
  const cents = abs % 100;
  const whole = (abs - cents) / 100;
  if (cents % 10 === 0) return `${sign}${whole}.${cents / 10}`;
  return `${sign}${whole}.${cents < 10 ? '0' : ''}${cents}`;
}

/**
 * A number for reading, with at most two decimals, cut toward zero (never rounded up: a value
 * just under a band's minimum, which has at most two decimals, never reads as that minimum);
 * `cut` says digits were dropped. Read from `String(n)`: 33.3333333333 → "33.33" (cut), 66.6666
 * → "66.66" (cut), 0.29 → "0.29", 80 → "80", −1.239 → "-1.23" (cut), 1e-7 → "0" (cut).
 */
export function truncatedText(n: number): { text: string; cut: boolean } {
  const full = String(n);
  if (full.includes('e')) {
    // only magnitudes below 1e-6 or from 1e21 print in exponent form
    return Math.abs(n) < 1 ? { text: '0', cut: true } : { text: full, cut: false };
  }
  const dot = full.indexOf('.');
  if (dot < 0 || full.length - dot - 1 <= 2) return { text: full, cut: false };
  const text = full.slice(0, dot + 3).replace(/\.?0+$/, '');
  return { text: text === '-0' ? '0' : text, cut: true };
}

/** An exact non-reduced fraction of big integers; `den` > 0. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

/**
 * The exact value of the shortest decimal that round-trips to the finite number `n`:
 * `0.1` → 1/10 (not the binary fraction 3602879701896397/36028797018963968), `1e-7` → 1/10^7.
 */
export function toRational(n: number): Rational {
  if (!Number.isFinite(n)) throw new RangeError(`Not a finite number: ${n}`);
  const text = String(n);
  const e = text.indexOf('e');
  const mantissa = e === -1 ? text : text.slice(0, e);
  let exponent = e === -1 ? 0 : Number(text.slice(e + 1));
  const dot = mantissa.indexOf('.');
  let digits = mantissa;
  if (dot !== -1) {
    exponent -= mantissa.length - dot - 1;
    digits = mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  }
  const num = BigInt(digits);
  return exponent >= 0
    ? { num: num * 10n ** BigInt(exponent), den: 1n }
    : { num, den: 10n ** BigInt(-exponent) };
}

/** `floor(num / den + 1/2)` for `num` ≥ 0 and `den` > 0: division rounded half up. */
export function divideHalfUp(num: number, den: number): number {
  const twice = 2 * num + den;
  const divisor = 2 * den;
  if (Number.isSafeInteger(twice) && Number.isSafeInteger(divisor)) {
    return (twice - (twice % divisor)) / divisor;
  }
  return Number(divideHalfUpBig(BigInt(num), BigInt(den)));
}

/** `floor(num / den + 1/2)` in big integers, for `num` ≥ 0 and `den` > 0. */
export function divideHalfUpBig(num: bigint, den: bigint): bigint {
  return (2n * num + den) / (2n * den);
}

/** Compares two rationals: −1, 0 or 1. */
export function compareRational(a: Rational, b: Rational): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

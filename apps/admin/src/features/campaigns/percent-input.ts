// The score sheet's number input for a rate from the records (a ratio × 100).
import { tenths } from '@fazhi/domain';

/**
 * An exact rate from the records shown to one decimal in its input: the shown text reads back as
 * the exact value (so focusing and leaving the input changes nothing); typing shows the typing.
 */
export function percentDisplay(value: unknown) {
  const exact = typeof value === 'number' ? value : undefined;
  return {
    formatter: (v: number | string | undefined, info: { userTyping: boolean; input: string }) =>
      info.userTyping || v === undefined || v === '' ? info.input : String(tenths(Number(v))),
    // antd reads the text a parser returns as its own parser's (so '' clears the input)
    parser: ((text: string | undefined): number | string => {
      const clean = (text ?? '').replace(/[^\w.-]+/g, '');
      return exact !== undefined && clean !== '' && Number(clean) === tenths(exact) ? exact : clean;
    }) as (text: string | undefined) => number,
  };
}

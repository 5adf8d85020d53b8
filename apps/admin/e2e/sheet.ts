// Filling a score sheet for full points, the one copy: item by item through its inputs on the
// page (what a person does), or a whole column at once through the API, for a test whose subject
// is what comes after the filling.
import type { Page } from 'playwright-core';
import type { IndicatorItem, ItemAnswer } from '@fazhi/domain';
import type { Harness } from './harness';

/** The answer that earns an item its full points. */
export function fullAnswer(item: IndicatorItem): ItemAnswer {
  const rule = item.rule;
  switch (rule.kind) {
    case 'check':
      return true;
    case 'checklist':
      return rule.entries.map((e) => e.code);
    case 'deduction':
      return 0;
    case 'count':
      return Math.ceil(item.points / rule.perUnit);
    case 'bands':
      return Math.max(...rule.bands.map((b) => b.min));
    case 'proportional':
      return rule.target;
  }
}

/** Answers one item through its input in the editable column so that it earns full points. */
export async function answerFully(page: Page, item: IndicatorItem) {
  const cell = page.getByTestId(`answer-${item.code}`);
  const rule = item.rule;
  switch (rule.kind) {
    case 'check':
      await cell.locator('.ant-radio-button-wrapper').first().click();
      break;
    case 'checklist': {
      const boxes = cell.locator('input.ant-checkbox-input');
      // one look at all the boxes (some may be ticked from the records), then tick the others
      const ticked = await boxes.evaluateAll((inputs) =>
        inputs.map((input) => (input as HTMLInputElement).checked),
      );
      for (let i = 0; i < rule.entries.length; i++) {
        if (!ticked[i]) await boxes.nth(i).check();
      }
      break;
    }
    default:
      await cell.locator('input').fill(String(fullAnswer(item)));
  }
}

/**
 * For a test whose page fill repeats another's: `onPage`, the first item of each kind of rule
 * (every kind of input a column has, in a few items), to answer on the page; `beforehand`, the
 * others, to save through the API first.
 */
export function splitForPage(items: readonly IndicatorItem[]): {
  onPage: IndicatorItem[];
  beforehand: IndicatorItem[];
} {
  const kinds = new Set<string>();
  const onPage: IndicatorItem[] = [];
  const beforehand: IndicatorItem[] = [];
  for (const item of items) {
    (kinds.has(item.rule.kind) ? beforehand : onPage).push(item);
    kinds.add(item.rule.kind);
  }
  return { onPage, beforehand };
}

/** Answers every item through the page, one after another. */
export async function answerAllFully(page: Page, items: readonly IndicatorItem[]) {
  for (const item of items) await answerFully(page, item);
}

/**
 * Saves a whole column with full points through the API as `username` (the township or county
 * column, whose filling another test does through the page), at the participation's version.
 */
export async function saveColumnFully(
  h: Harness,
  username: string,
  participationId: string,
  column: 'self' | 'township' | 'county',
  items: readonly IndicatorItem[],
) {
  const detail = await h.api<{ participation: { version: number } }>(
    username,
    'participations.get',
    { id: participationId },
  );
  await h.mutate(username, 'participations.saveSheet', {
    id: participationId,
    version: detail.participation.version,
    column,
    data: {
      items: Object.fromEntries(items.map((item) => [item.code, fullAnswer(item)])),
      vetoes: [],
      comments: {},
    },
  });
}

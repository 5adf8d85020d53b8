import type { Framework } from '../types.js';
import { validateFramework } from '../validate-framework.js';
import { demoCounty2026 } from './demo-county-2026.js';
import { nationalTemplate } from './national-template.js';

function validated(source: Framework): Framework {
  const result = validateFramework(source);
  if (!result.ok) {
    const first = result.problems[0];
    throw new Error(
      `Built-in framework ${source.code} is invalid: ${first?.path} ${first?.message.en}`,
    );
  }
  return result.framework;
}

/**
 * The frameworks shipped with the library, as an array of validated, deeply frozen frameworks:
 * `national-guiding-standard-template` (status `template`: the five areas of the national guiding
 * standard, county-configurable items marked `configurable: true`) and `demo-county-2026`
 * (status `example`: a complete 100-point, 40-item county framework). Look one up by `code`.
 *
 * @example
 * const demo = builtinFrameworks.find((f) => f.code === 'demo-county-2026')!;
 * scoreAssessment(demo, { items: { 'A1.4': true } }); // scored without validating again
 */
export const builtinFrameworks: readonly Framework[] = /* #__PURE__ */ Object.freeze([
  /* #__PURE__ */ validated(nationalTemplate),
  /* #__PURE__ */ validated(demoCounty2026),
]);

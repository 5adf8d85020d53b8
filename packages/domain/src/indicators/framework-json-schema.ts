import { recordMetricKeys } from '../records/record-metrics.js';

/**
 * JSON Schema (draft 2020-12) of the indicator framework format, for tools in other languages.
 * It checks the shape: fields, types, enumerations, signs. It cannot check the arithmetic
 * (areas summing to `totalPoints`, items to their area, checklist entries to their item, at most
 * two decimals, strictly descending bands and grades, unique codes): run `validateFramework`, or
 * repeat those checks, for that. `multipleOf: 0.01` is deliberately not used, because many
 * validators test it with binary floating point and reject numbers such as 0.29.
 *
 * @example
 * import { frameworkJsonSchema } from '@fazhi/domain';
 * writeFileSync('framework.schema.json', JSON.stringify(frameworkJsonSchema, null, 2));
 * // then, e.g. in Python: jsonschema.validate(framework, schema)
 */
export const frameworkJsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://fazhi.example/schemas/indicator-framework.json',
  title: '考核验收评分细则 / Indicator framework',
  description:
    'An indicator framework for 民主法治示范村 assessment. Points are decimals with at most two decimals; areas sum to totalPoints, items to their area, checklist entries to their item (checked by validateFramework in @fazhi/domain).',
  type: 'object',
  required: ['code', 'name', 'version', 'totalPoints', 'grades', 'vetoes', 'areas'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    code: { $ref: '#/$defs/text' },
    name: { $ref: '#/$defs/text' },
    version: { $ref: '#/$defs/text' },
    totalPoints: { $ref: '#/$defs/positivePoints' },
    status: {
      description:
        'template: a skeleton a county completes; example: illustrative; draft; in_force; retired.',
      enum: ['template', 'example', 'draft', 'in_force', 'retired'],
    },
    description: { $ref: '#/$defs/text' },
    sources: { type: 'array', items: { $ref: '#/$defs/source' } },
    grades: {
      description: 'From the highest minPoints down, in the order excellent, good, pass.',
      type: 'array',
      items: { $ref: '#/$defs/grade' },
    },
    vetoes: { type: 'array', items: { $ref: '#/$defs/veto' } },
    areas: { type: 'array', items: { $ref: '#/$defs/area' } },
  },
  $defs: {
    text: { type: 'string', minLength: 1, pattern: '\\S' },
    points: {
      description: 'A decimal with at most two decimals.',
      type: 'number',
      minimum: -1_000_000_000,
      maximum: 1_000_000_000,
    },
    positivePoints: { $ref: '#/$defs/points', exclusiveMinimum: 0 },
    nonNegativePoints: { $ref: '#/$defs/points', minimum: 0 },
    localizedText: {
      type: 'object',
      required: ['zh', 'en'],
      additionalProperties: false,
      properties: { zh: { $ref: '#/$defs/text' }, en: { $ref: '#/$defs/text' } },
    },
    source: {
      type: 'object',
      required: ['title'],
      additionalProperties: false,
      properties: {
        title: { $ref: '#/$defs/text' },
        url: { $ref: '#/$defs/text' },
        reliability: {
          description: 'verified [V], secondary [S] or unverified [U].',
          enum: ['verified', 'secondary', 'unverified'],
        },
        note: { $ref: '#/$defs/text' },
      },
    },
    grade: {
      type: 'object',
      required: ['grade', 'minPoints'],
      additionalProperties: false,
      properties: {
        grade: { enum: ['excellent', 'good', 'pass'] },
        minPoints: { $ref: '#/$defs/nonNegativePoints' },
      },
    },
    veto: {
      type: 'object',
      required: ['code', 'name'],
      additionalProperties: false,
      properties: {
        code: { $ref: '#/$defs/text' },
        name: { $ref: '#/$defs/text' },
        note: { $ref: '#/$defs/text' },
      },
    },
    area: {
      type: 'object',
      required: ['code', 'name', 'points', 'items'],
      additionalProperties: false,
      properties: {
        code: { $ref: '#/$defs/text' },
        name: { $ref: '#/$defs/text' },
        points: { $ref: '#/$defs/positivePoints' },
        items: { type: 'array', items: { $ref: '#/$defs/item' } },
        note: { $ref: '#/$defs/text' },
      },
    },
    item: {
      type: 'object',
      required: ['code', 'name', 'points', 'method', 'rule'],
      additionalProperties: false,
      properties: {
        code: { $ref: '#/$defs/text' },
        name: { $ref: '#/$defs/text' },
        points: { $ref: '#/$defs/positivePoints' },
        evidence: { type: 'array', items: { type: 'string' } },
        method: {
          description: 'site_visit 实地查看, ledger 查看台账, interview 走访, survey 问卷.',
          enum: ['site_visit', 'ledger', 'interview', 'survey'],
        },
        rule: { $ref: '#/$defs/rule' },
        configurable: {
          description: 'True when the item is a placeholder a county is expected to adapt.',
          type: 'boolean',
        },
        note: { $ref: '#/$defs/text' },
        metric: { $ref: '#/$defs/itemMetric' },
      },
    },
    metricKey: {
      description: 'A record metric (recordMetrics in @fazhi/domain).',
      enum: recordMetricKeys,
    },
    metricTest: {
      description:
        'Met when the metric is at least atLeast and at most atMost; without bounds a boolean metric when true, any other when at least 1.',
      type: 'object',
      required: ['key'],
      additionalProperties: false,
      properties: {
        key: { $ref: '#/$defs/metricKey' },
        atLeast: { $ref: '#/$defs/nonNegativePoints' },
        atMost: { $ref: '#/$defs/nonNegativePoints' },
      },
    },
    itemMetric: {
      description:
        'The record metric the answer is derived from (来自台账). check: key, atLeast, atMost; count and deduction: key; bands and proportional: key and scale (the value times scale); checklist: entries, a metricTest per entry code. validateFramework checks that the metric unit fits the rule kind.',
      type: 'object',
      additionalProperties: false,
      properties: {
        key: { $ref: '#/$defs/metricKey' },
        atLeast: { $ref: '#/$defs/nonNegativePoints' },
        atMost: { $ref: '#/$defs/nonNegativePoints' },
        scale: { $ref: '#/$defs/positivePoints' },
        entries: { type: 'object', additionalProperties: { $ref: '#/$defs/metricTest' } },
      },
    },
    rule: {
      oneOf: [
        { $ref: '#/$defs/checkRule' },
        { $ref: '#/$defs/checklistRule' },
        { $ref: '#/$defs/deductionRule' },
        { $ref: '#/$defs/countRule' },
        { $ref: '#/$defs/bandsRule' },
        { $ref: '#/$defs/proportionalRule' },
      ],
    },
    checkRule: {
      description: 'All or nothing; the answer is a boolean.',
      type: 'object',
      required: ['kind'],
      additionalProperties: false,
      properties: { kind: { const: 'check' } },
    },
    checklistRule: {
      description: 'The sum of the met entries; the answer is an array of met entry codes.',
      type: 'object',
      required: ['kind', 'entries'],
      additionalProperties: false,
      properties: {
        kind: { const: 'checklist' },
        entries: {
          type: 'array',
          items: {
            type: 'object',
            required: ['code', 'name', 'points'],
            additionalProperties: false,
            properties: {
              code: { $ref: '#/$defs/text' },
              name: { $ref: '#/$defs/text' },
              points: { $ref: '#/$defs/positivePoints' },
            },
          },
        },
      },
    },
    deductionRule: {
      description: 'max(0, points − count × perUnit); the answer is a whole count ≥ 0.',
      type: 'object',
      required: ['kind', 'perUnit'],
      additionalProperties: false,
      properties: {
        kind: { const: 'deduction' },
        perUnit: { $ref: '#/$defs/positivePoints' },
        unit: { $ref: '#/$defs/localizedText' },
      },
    },
    countRule: {
      description: 'min(points, count × perUnit); the answer is a whole count ≥ 0.',
      type: 'object',
      required: ['kind', 'perUnit'],
      additionalProperties: false,
      properties: {
        kind: { const: 'count' },
        perUnit: { $ref: '#/$defs/positivePoints' },
        unit: { $ref: '#/$defs/localizedText' },
      },
    },
    bandsRule: {
      description:
        'The points of the first band whose min the value reaches, else 0; min strictly descending.',
      type: 'object',
      required: ['kind', 'bands'],
      additionalProperties: false,
      properties: {
        kind: { const: 'bands' },
        bands: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['min', 'points'],
            additionalProperties: false,
            properties: {
              min: { $ref: '#/$defs/points' },
              points: { $ref: '#/$defs/nonNegativePoints' },
            },
          },
        },
      },
    },
    proportionalRule: {
      description: 'points × min(1, value / target), rounded half up to 0.01; the answer is ≥ 0.',
      type: 'object',
      required: ['kind', 'target'],
      additionalProperties: false,
      properties: {
        kind: { const: 'proportional' },
        target: { $ref: '#/$defs/positivePoints' },
      },
    },
  },
} as const;

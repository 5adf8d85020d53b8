import type { LocalizedText } from '../../localized-text.js';
import type { IndicatorProblem } from '../types.js';

/** Builds a problem. */
export function problem(code: string, path: string, zh: string, en: string): IndicatorProblem {
  const message: LocalizedText = { zh, en };
  return { code, path, message };
}

/** `parent.key`, or `key` at the root. */
export function childPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

/** `parent[index]`. */
export function indexPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

/** `parent["key"]`, for keys that are data (item codes may contain dots). */
export function keyPath(parent: string, key: string): string {
  return `${parent}[${JSON.stringify(key)}]`;
}

/** A short description of a value's JSON type, for messages. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value;
}

/** Chinese names of JSON types. */
const zhTypeNames: Record<string, string> = {
  string: '字符串',
  number: '数值',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  null: '空值',
  undefined: '未定义',
};

/** The Chinese name of a JSON type. */
export function zhTypeName(type: string): string {
  return zhTypeNames[type] ?? type;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  annualReportSections,
  annualReportSectionTitle,
  describeChange,
  describeRateChange,
  yearOnYear,
} from './annual-report.js';

describe('yearOnYear', () => {
  it('is the change as a fraction of the previous year', () => {
    expect(yearOnYear(12, 10)).toBeCloseTo(0.2);
    expect(yearOnYear(8, 10)).toBeCloseTo(-0.2);
  });

  it('never divides by zero', () => {
    fc.assert(
      fc.property(fc.nat(), (n) => {
        expect(yearOnYear(n, 0)).toBeNull();
      }),
    );
  });
});

describe('describeChange', () => {
  it('writes the change as a report does', () => {
    expect(describeChange(12, 10).zh).toBe('同比增长20.0%');
    expect(describeChange(8, 10).zh).toBe('同比下降20.0%');
    expect(describeChange(10, 10).zh).toBe('与上年持平');
    expect(describeChange(0, 0).zh).toBe('与上年持平');
    expect(describeChange(5, 0).zh).toBe('上年无可比数据');
  });
});

describe('describeRateChange', () => {
  it('compares rates in percentage points, or not at all without a denominator', () => {
    expect(describeRateChange(0.9, 0.85).zh).toBe('上升5.0个百分点');
    expect(describeRateChange(0.8, 0.85).zh).toBe('下降5.0个百分点');
    expect(describeRateChange(0.8, 0.8).zh).toBe('与上年持平');
    expect(describeRateChange(null, 0.8).zh).toBe('上年无可比数据');
    expect(describeRateChange(0.8, null).zh).toBe('上年无可比数据');
  });
});

describe('annualReportSections', () => {
  it('prints the eight fixed sections in order with their titles', () => {
    expect(annualReportSections.map((s) => annualReportSectionTitle(s).zh)).toEqual([
      '组织领导',
      '基层民主',
      '人民调解',
      '普法宣传',
      '公共法律服务',
      '示范创建',
      '存在问题',
      '下一步打算',
    ]);
  });
});

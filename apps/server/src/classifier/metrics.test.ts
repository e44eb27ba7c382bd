import { describe, expect, it } from 'vitest';
import { metricsOf } from './metrics.js';
import type { Prediction } from './types.js';

const p = (label: string, confidence = 0.9): Prediction => ({ label, confidence, alternatives: [{ label, confidence }] });

describe('metricsOf', () => {
  it('matches a hand-computed confusion', () => {
    // truth a a a b b c ; predicted a a b b c c
    // a: tp 2, fp 0, fn 1 → P 1, R 2/3, F1 0.8
    // b: tp 1, fp 1, fn 1 → P 0.5, R 0.5, F1 0.5
    // c: tp 1, fp 1, fn 0 → P 0.5, R 1, F1 2/3
    const r = metricsOf(['a', 'a', 'a', 'b', 'b', 'c'], ['a', 'a', 'b', 'b', 'c', 'c'].map((l) => p(l)), ['a', 'b', 'c']);
    expect(r.accuracy).toBeCloseTo(4 / 6, 4);
    expect(r.macroF1).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3, 4);
    expect(r.perClass).toEqual([
      { label: 'a', precision: 1, recall: 0.6667, f1: 0.8, support: 3 },
      { label: 'b', precision: 0.5, recall: 0.5, f1: 0.5, support: 2 },
      { label: 'c', precision: 0.5, recall: 1, f1: 0.6667, support: 1 },
    ]);
    expect(r.confusion).toEqual({
      labels: ['a', 'b', 'c'],
      matrix: [
        [2, 1, 0],
        [0, 1, 1],
        [0, 0, 1],
      ],
    });
    expect(r.count).toBe(6);
  });

  it('counts a label that is only ever predicted, with F1 0', () => {
    const r = metricsOf(['a', 'a'], [p('a'), p('z')]);
    expect(r.confusion.labels).toEqual(['a', 'z']);
    expect(r.perClass.find((c) => c.label === 'z')).toMatchObject({ f1: 0, support: 0 });
    expect(r.macroF1).toBeCloseTo((2 / 3 + 0) / 2, 4);
  });

  it('measures calibration: low-confidence share and accuracy on each side of 0.5', () => {
    const r = metricsOf(['a', 'a', 'b', 'b'], [p('a', 0.9), p('b', 0.4), p('b', 0.8), p('a', 0.3)]);
    expect(r.calibration.lowConfidenceShare).toBe(0.5);
    expect(r.calibration.accuracyConfident).toBe(1);
    expect(r.calibration.accuracyLowConfidence).toBe(0);
    // bins: 0.3 wrong, 0.4 wrong, 0.8 right, 0.9 right → (0.3 + 0.4 + 0.2 + 0.1) / 4
    expect(r.calibration.ece).toBeCloseTo(0.25, 4);
  });

  it('refuses mismatched lengths', () => {
    expect(() => metricsOf(['a'], [])).toThrow();
  });
});

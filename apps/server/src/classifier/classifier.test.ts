import { describe, expect, it } from 'vitest';
import {
  baselineTrainOptions,
  crossValidate,
  deserializeModel,
  evaluate,
  seedExamples,
  serializeModel,
  syntheticRequests,
  trainClassifier,
  type LabelledExample,
  type Prediction,
} from './index.js';

/** A tiny three-category set, written for this test. */
const fixture: LabelledExample[] = [
  ...['电梯坏了', '电梯又停了，老人下不了楼', '电梯里有异响', '电梯按钮失灵', '路灯不亮了', '楼道灯坏了好几天', '路灯晚上不亮很黑', '电梯门关不上'].map((text) => ({ text, label: 'facilities' })),
  ...['楼上半夜跺脚吵', '广场舞音响太吵', '装修噪音太大', '晚上施工很吵', '楼下烧烤店吵到半夜', '邻居家狗叫得吵', '凌晨喝酒喧哗很吵', '空调外机噪音大'].map((text) => ({ text, label: 'noise' })),
  ...['垃圾桶满了没人清', '楼下垃圾发臭', '垃圾分类点太脏', '垃圾堆在路边', '化粪池冒污水', '下水道返臭', '垃圾清运不及时', '垃圾房没人打扫'].map((text) => ({ text, label: 'sanitation' })),
];

function expectWellFormed(p: Prediction, labels: string[]): void {
  expect(labels).toContain(p.label);
  expect(p.confidence).toBeGreaterThanOrEqual(0);
  expect(p.confidence).toBeLessThanOrEqual(1);
  expect(p.alternatives.length).toBe(Math.min(3, labels.length));
  expect(p.alternatives[0]).toEqual({ label: p.label, confidence: p.confidence });
  for (let i = 1; i < p.alternatives.length; i++) expect(p.alternatives[i]!.confidence).toBeLessThanOrEqual(p.alternatives[i - 1]!.confidence);
  expect(new Set(p.alternatives.map((a) => a.label)).size).toBe(p.alternatives.length);
}

describe('trainClassifier', () => {
  const model = trainClassifier(fixture);

  it('learns the fixture and predicts unseen phrasings', () => {
    expect(model.labels).toEqual(['facilities', 'noise', 'sanitation']);
    expect(model.trainedOn).toBe(fixture.length);
    expect(model.predict('小区的电梯坏了没人修').label).toBe('facilities');
    expect(model.predict('楼上装修太吵了').label).toBe('noise');
    expect(model.predict('垃圾满地发臭').label).toBe('sanitation');
  });

  it('gives confidences in [0, 1], alternatives best first, and is surer on a clear message', () => {
    const clear = model.predict('电梯坏了');
    const vague = model.predict('请问一下');
    for (const p of [clear, vague]) expectWellFormed(p, model.labels);
    expect(clear.confidence).toBeGreaterThan(vague.confidence);
    const total = clear.alternatives.reduce((s, a) => s + a.confidence, 0);
    expect(total).toBeCloseTo(1, 6);
  });

  it('handles empty text, unknown words, 10,000 characters and batches alike', () => {
    const long = '电梯坏了'.repeat(2500);
    const texts = ['', 'ｘｙｚ qqq 123', long, '🙂🙂', '电梯坏了'];
    const many = model.predictMany(texts);
    expect(many).toHaveLength(texts.length);
    for (const p of many) expectWellFormed(p, model.labels);
    expect(many[2]!.label).toBe('facilities');
    expect(many.map((p) => p.label)).toEqual(texts.map((t) => model.predict(t).label));
    expect(model.predictMany([])).toEqual([]);
  });

  it('trains on a single label, and on a label with one example', () => {
    const one = trainClassifier([{ text: '电梯坏了', label: 'facilities' }]);
    expect(one.predict('随便什么')).toEqual({ label: 'facilities', confidence: 1, alternatives: [{ label: 'facilities', confidence: 1 }] });
    const rare = trainClassifier([...fixture, { text: '户口本丢了怎么补办', label: 'registration' }]);
    expect(rare.labels).toContain('registration');
    expectWellFormed(rare.predict('户口本丢了'), rare.labels);
  });

  it('refuses no examples, blank labels and nonsense options', () => {
    expect(() => trainClassifier([])).toThrow(/no examples/);
    expect(() => trainClassifier([{ text: 'x', label: '' }])).toThrow(/label/);
    expect(() => trainClassifier(fixture, { c: -1 })).toThrow(/c must be positive/);
    expect(() => trainClassifier(fixture, { views: [] })).toThrow(/views/);
  });

  it('is deterministic', () => {
    const again = trainClassifier(fixture);
    expect(serializeModel(again)).toBe(serializeModel(model));
  });

  it('trains the baseline and the other learners too', () => {
    for (const options of [baselineTrainOptions, { learner: 'logreg' as const }, { learner: 'cnb' as const }, { views: [{ kind: 'word' as const, minN: 1, maxN: 2 }, { kind: 'char' as const, minN: 1, maxN: 3 }], ensemble: true }]) {
      const m = trainClassifier(fixture, options);
      expect(m.predict('电梯坏了').label).toBe('facilities');
      expectWellFormed(m.predict('楼上太吵'), m.labels);
    }
  });

  it('trains the measured NB-SVM variants (interpolation, binarised ratios, title weighting) and refuses bad values', () => {
    const plain = serializeModel(model);
    for (const options of [{ nbInterpolation: 0.5 }, { nbBinary: true, nbSmoothing: 1 }, { headChars: 4, headWeight: 3 }]) {
      const m = trainClassifier(fixture, options);
      expect(m.predict('电梯坏了').label).toBe('facilities');
      const p = m.predict('楼上装修太吵了');
      expectWellFormed(p, m.labels);
      // Each knob changes the model (a variant equal to the default would measure nothing).
      expect(serializeModel(m)).not.toBe(plain);
    }
    expect(() => trainClassifier(fixture, { nbInterpolation: 0 })).toThrow(/nbInterpolation/);
    expect(() => trainClassifier(fixture, { headChars: 2.5 })).toThrow(/headChars/);
    expect(() => trainClassifier(fixture, { headChars: 4, headWeight: 0.5 })).toThrow(/headWeight/);
  });
});

describe('serializeModel / deserializeModel', () => {
  it('round-trips to identical predictions', () => {
    const model = trainClassifier(fixture, { views: [{ kind: 'word', minN: 1, maxN: 2 }, { kind: 'char', minN: 1, maxN: 2 }], ensemble: true });
    const text = serializeModel(model);
    const loaded = deserializeModel(text);
    expect(loaded.labels).toEqual(model.labels);
    expect(loaded.trainedOn).toBe(model.trainedOn);
    const probes = ['电梯坏了', '太吵了', '垃圾', '', '完全无关的话'];
    expect(loaded.predictMany(probes)).toEqual(model.predictMany(probes));
    expect(serializeModel(loaded)).toBe(text);
    expect(JSON.parse(text)).toMatchObject({ format: 'gongzhi-classifier', version: 1 });
  });

  it('keeps the title weighting in the file (a model without it reads as before)', () => {
    const model = trainClassifier(fixture, { headChars: 2, headWeight: 3 });
    const text = serializeModel(model);
    expect(JSON.parse(text)).toMatchObject({ members: [{ head: { chars: 2, weight: 3 } }] });
    const probes = ['电梯坏了，楼上也很吵', '吵', '垃圾桶满了电梯也坏了'];
    expect(deserializeModel(text).predictMany(probes)).toEqual(model.predictMany(probes));
    expect(JSON.parse(serializeModel(trainClassifier(fixture))).members[0]).not.toHaveProperty('head');
    const bad = text.replace('"weight":3', '"weight":-1');
    expect(() => deserializeModel(bad)).toThrow(/head weighting/);
  });

  it('round-trips a single-label model', () => {
    const m = deserializeModel(serializeModel(trainClassifier([{ text: 'a', label: 'only' }])));
    expect(m.predict('b').label).toBe('only');
  });

  it('refuses what is not a model, with a clear message', () => {
    const good = JSON.parse(serializeModel(trainClassifier(fixture))) as Record<string, unknown> & { members: { codes: string }[] };
    expect(() => deserializeModel('not json')).toThrow(/not a valid classifier model: the text is not JSON/);
    expect(() => deserializeModel('{"format":"other"}')).toThrow(/format/);
    expect(() => deserializeModel(JSON.stringify({ ...good, version: 99 }))).toThrow(/unsupported classifier model version 99/);
    expect(() => deserializeModel(JSON.stringify({ ...good, labels: [] }))).toThrow(/labels/);
    const truncated = { ...good, members: [{ ...good.members[0]!, codes: good.members[0]!.codes.slice(0, 8) }] };
    expect(() => deserializeModel(JSON.stringify(truncated))).toThrow(/weights/);
  });
});

describe('crossValidate and evaluate', () => {
  const corpus = syntheticRequests(600, 'cv-test');

  it('reaches a sane macro-F1 on the synthetic corpus, with per-fold figures', () => {
    const r = crossValidate(corpus, 3);
    expect(r.count).toBe(corpus.length);
    expect(r.foldMacroF1).toHaveLength(3);
    // 600 messages over 18 categories leave some categories a dozen examples: well short of a real history.
    expect(r.macroF1).toBeGreaterThan(0.7);
    expect(r.accuracy).toBeGreaterThan(0.8);
    expect(r.perClass.reduce((s, c) => s + c.support, 0)).toBe(corpus.length);
    expect(r.confusion.matrix.flat().reduce((s, v) => s + v, 0)).toBe(corpus.length);
  });

  it('scores a trained model on held-out messages and reports speed', () => {
    const model = trainClassifier(corpus);
    const r = evaluate(model, syntheticRequests(300, 'held-out'));
    expect(r.macroF1).toBeGreaterThan(0.8);
    expect(r.messagesPerSecond).toBeGreaterThan(0);
    // Confidence means something: predictions at 0.5 or more are right more often than those below.
    expect(r.calibration.accuracyConfident).toBeGreaterThan(r.calibration.accuracyLowConfidence);
  });

  it('refuses fewer than two folds or more folds than examples', () => {
    expect(() => crossValidate(corpus, 1)).toThrow(/at least 2 folds/);
    expect(() => crossValidate(corpus.slice(0, 3), 5)).toThrow(/needs at least 5 examples/);
  });
});

describe('seedExamples', () => {
  it('gives a brand-new community a usable model', () => {
    const model = trainClassifier(seedExamples);
    expect(model.labels).toHaveLength(18);
    expect(evaluate(model, syntheticRequests(400, 'seed-check')).accuracy).toBeGreaterThan(0.7);
    expect(model.predict('楼道里有人给电动车充电').label).toBe('safety_hazards');
    expect(model.predict('楼上每天半夜跺脚').label).toBe('noise');
  });
});

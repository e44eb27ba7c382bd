import { featureSpace, type FittedView } from './features.js';
import { LinearClassifier, type Member } from './model.js';
import { dequantise } from './quantise.js';
import type { ClassifierModel, ViewSpec } from './types.js';

/**
 * The model file: one JSON object, versioned. Vocabularies are newline-joined strings (a term never holds a
 * line break: normalisation turns every line break into a space); IDF and int8 weights are base64 typed arrays
 * (little-endian, as every platform Node runs on). Version 1:
 *
 *   { format: "gongzhi-classifier", version: 1, labels, trainedOn, temperature,
 *     members: [{ sublinearTf, maxChars, head?, views: [{ kind, minN, maxN, terms, idf }], scales, codes, bias }] }
 *
 * `head` ({ chars, weight }: the title's n-grams counted `weight` times) is written only by models trained
 * with that option on; a file without it reads as it always did.
 */

const FORMAT = 'gongzhi-classifier';
const VERSION = 1;

interface ViewFile extends ViewSpec {
  terms: string;
  idf: string;
}
interface MemberFile {
  sublinearTf: boolean;
  maxChars: number;
  head?: { chars: number; weight: number };
  views: ViewFile[];
  scales: number[];
  codes: string;
  bias: number[];
}
interface ModelFile {
  format: string;
  version: number;
  labels: string[];
  trainedOn: number;
  temperature: number;
  members: MemberFile[];
}

const b64 = (a: Float32Array | Int8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

/** Model → compact JSON text. */
export function serializeModel(model: ClassifierModel): string {
  if (!(model instanceof LinearClassifier)) throw new Error('serializeModel: only models made by trainClassifier or deserializeModel can be saved');
  const file: ModelFile = {
    format: FORMAT,
    version: VERSION,
    labels: model.labels,
    trainedOn: model.trainedOn,
    temperature: model.temperature,
    members: model.members.map((m) => ({
      sublinearTf: m.space.sublinearTf,
      maxChars: m.space.maxChars,
      ...(m.space.head.chars > 0 ? { head: m.space.head } : {}),
      views: m.space.views.map((v) => ({ ...v.spec, terms: v.terms.join('\n'), idf: b64(v.idf) })),
      scales: Array.from(m.scales),
      codes: b64(m.codes),
      bias: Array.from(m.bias),
    })),
  };
  return JSON.stringify(file);
}

class ModelFormatError extends Error {
  constructor(why: string) {
    super(`not a valid classifier model: ${why}`);
  }
}

function check(ok: unknown, why: string): asserts ok {
  if (!ok) throw new ModelFormatError(why);
}

const isNumberArray = (v: unknown, length?: number): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x)) && (length === undefined || v.length === length);

function decode(text: unknown, bytesPer: 1 | 4, what: string): ArrayBuffer {
  check(typeof text === 'string', `${what} is not base64 text`);
  const buf = Buffer.from(text, 'base64');
  check(buf.length % bytesPer === 0, `${what} has a partial value`);
  // A copy: Buffer's pool is not aligned for Float32Array.
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}

function readView(v: ViewFile, i: number): FittedView {
  check(v && (v.kind === 'char' || v.kind === 'word'), `view ${i} has an unknown kind`);
  check(Number.isInteger(v.minN) && Number.isInteger(v.maxN) && v.minN >= 1 && v.maxN >= v.minN && v.maxN <= 5, `view ${i} has bad n-gram sizes`);
  check(typeof v.terms === 'string', `view ${i} has no terms`);
  const terms = v.terms === '' ? [] : v.terms.split('\n');
  const idf = new Float32Array(decode(v.idf, 4, `view ${i} idf`));
  check(idf.length === terms.length, `view ${i} has ${terms.length} terms but ${idf.length} idf values`);
  const spec: ViewSpec = { kind: v.kind, minN: v.minN, maxN: v.maxN };
  return { spec, terms, index: new Map(terms.map((t, j) => [t, j])), idf };
}

function readMember(m: MemberFile, K: number, i: number): Member {
  check(m && typeof m === 'object' && Array.isArray(m.views) && m.views.length > 0, `member ${i} has no views`);
  check(typeof m.sublinearTf === 'boolean' && Number.isInteger(m.maxChars) && m.maxChars > 0, `member ${i} has bad settings`);
  const head = m.head ?? { chars: 0, weight: 1 };
  check(Number.isInteger(head.chars) && head.chars >= 0 && typeof head.weight === 'number' && head.weight >= 1 && Number.isFinite(head.weight), `member ${i} has a bad head weighting`);
  const space = featureSpace(m.views.map(readView), m.sublinearTf, m.maxChars, { chars: head.chars, weight: head.weight });
  check(isNumberArray(m.scales, K) && isNumberArray(m.bias, K), `member ${i} needs ${K} scales and biases`);
  const codes = new Int8Array(decode(m.codes, 1, `member ${i} weights`));
  check(codes.length === space.size * K, `member ${i} has ${codes.length} weights, expected ${space.size * K}`);
  const scales = Float32Array.from(m.scales);
  return { space, codes, scales, weights: dequantise(codes, scales), bias: Float32Array.from(m.bias) };
}

/** JSON text → model; throws an Error saying what is wrong with a file that is not a model this build can read. */
export function deserializeModel(text: string): ClassifierModel {
  let file: ModelFile;
  try {
    file = JSON.parse(text) as ModelFile;
  } catch {
    throw new ModelFormatError('the text is not JSON');
  }
  check(file && typeof file === 'object' && file.format === FORMAT, `format is not "${FORMAT}"`);
  if (file.version !== VERSION) throw new Error(`unsupported classifier model version ${String(file.version)} (this build reads version ${VERSION}); retrain the model`);
  check(Array.isArray(file.labels) && file.labels.length > 0 && file.labels.every((l) => typeof l === 'string' && l), 'labels missing');
  check(new Set(file.labels).size === file.labels.length, 'labels repeat');
  check(Number.isInteger(file.trainedOn) && file.trainedOn >= 0, 'trainedOn missing');
  check(typeof file.temperature === 'number' && file.temperature > 0 && Number.isFinite(file.temperature), 'temperature missing');
  check(Array.isArray(file.members) && (file.members.length > 0 || file.labels.length === 1), 'members missing');
  const K = file.labels.length;
  const members = K === 1 ? [] : file.members.map((m, i) => readMember(m, K, i));
  return new LinearClassifier(file.labels, file.trainedOn, members, file.temperature);
}

import { readFile, writeFile } from 'node:fs/promises';
import {
  baselineTrainOptions,
  crossValidate,
  deserializeModel,
  evaluate,
  LabelledFileError,
  readLabelledFile,
  serializeModel,
  trainClassifier,
  type EvalReport,
  type LabelledExample,
  type TrainOptions,
} from '../classifier/index.js';
import { intFlag, parseCommandArgs } from './args.js';

/**
 * `classifier train|eval|cv`: train a request classifier from a labelled file, measure a saved model on one,
 * or cross-validate. Results are one JSON object on stdout; a bad argument or an unusable file is one line on
 * stderr and exit code 2. Needs no database.
 */

export const classifierUsage =
  'classifier train --input FILE --text-field F --label-field F --out MODEL [--folds N] [--baseline] [--seed S]\n' +
  '  classifier eval --model MODEL --input FILE --text-field F --label-field F\n' +
  '  classifier cv --input FILE --text-field F --label-field F [--folds 5] [--baseline] [--seed S]';

/** A mistake the user can fix: printed as one line, exit code 2. */
class UsageError extends Error {}

const flags = {
  input: { type: 'string' },
  'text-field': { type: 'string' },
  'label-field': { type: 'string' },
  out: { type: 'string' },
  model: { type: 'string' },
  folds: { type: 'string' },
  seed: { type: 'string' },
  baseline: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseCommandArgs<typeof flags>>['values'];

function required(values: Values, name: 'input' | 'text-field' | 'label-field' | 'out' | 'model', sub: string): string {
  const v = values[name];
  if (typeof v !== 'string' || !v.trim()) throw new UsageError(`${sub} needs --${name}`);
  return v;
}

/** Only the flags a subcommand understands; anything else is a mistake worth reporting. */
function refuseOthers(values: Values, sub: string, allowed: (keyof Values)[]): void {
  const extra = (Object.keys(values) as (keyof Values)[]).filter((k) => values[k] !== undefined && !allowed.includes(k));
  if (extra.length) throw new UsageError(`${sub} does not take --${extra.join(', --')}`);
}

async function examplesFrom(values: Values, sub: string): Promise<LabelledExample[]> {
  const input = required(values, 'input', sub);
  const examples = await readLabelledFile(input, required(values, 'text-field', sub), required(values, 'label-field', sub));
  if (!examples.length) throw new UsageError(`${input} holds no labelled examples`);
  return examples;
}

function options(values: Values): Partial<TrainOptions> {
  return { ...(values.baseline ? baselineTrainOptions : {}), ...(values.seed ? { seed: values.seed } : {}) };
}

const seconds = (since: number) => Math.round(performance.now() - since) / 1000;

/** The report without the confusion matrix, which is for people reading code, not this command's JSON. */
const summary = (r: EvalReport) => ({
  count: r.count,
  accuracy: r.accuracy,
  macroF1: r.macroF1,
  perClass: r.perClass,
  messagesPerSecond: r.messagesPerSecond,
  calibration: r.calibration,
  ...(r.foldMacroF1 ? { foldMacroF1: r.foldMacroF1, trainSecondsPerFold: r.trainSeconds } : {}),
});

function folds(values: Values, examples: number): number {
  const n = intFlag(values.folds, 'folds', 5, 2, 50);
  if (n > examples) throw new UsageError(`--folds ${n} needs at least ${n} examples, the file has ${examples}`);
  return n;
}

async function train(values: Values): Promise<Record<string, unknown>> {
  refuseOthers(values, 'train', ['input', 'text-field', 'label-field', 'out', 'folds', 'baseline', 'seed']);
  const out = required(values, 'out', 'train');
  const examples = await examplesFrom(values, 'train');
  const k = values.folds === undefined ? 0 : folds(values, examples.length);
  const started = performance.now();
  const model = trainClassifier(examples, options(values));
  const trainSeconds = seconds(started);
  const text = serializeModel(model);
  await writeFile(out, text);
  const counts = new Map<string, number>();
  for (const e of examples) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  const cv = k ? crossValidate(examples, k, options(values)) : null;
  return {
    examples: examples.length,
    labels: model.labels.map((label) => ({ label, count: counts.get(label) ?? 0 })),
    trainSeconds,
    out,
    modelBytes: Buffer.byteLength(text),
    ...(cv ? { cv: { folds: k, macroF1: cv.macroF1, accuracy: cv.accuracy, foldMacroF1: cv.foldMacroF1 } } : {}),
  };
}

async function evalModel(values: Values): Promise<Record<string, unknown>> {
  refuseOthers(values, 'eval', ['model', 'input', 'text-field', 'label-field']);
  const file = required(values, 'model', 'eval');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read the model file ${file}`);
  }
  let model;
  try {
    model = deserializeModel(text);
  } catch (e) {
    throw new UsageError(`${file}: ${(e as Error).message}`);
  }
  const r = evaluate(model, await examplesFrom(values, 'eval'));
  return { count: r.count, accuracy: r.accuracy, macroF1: r.macroF1, perClass: r.perClass, messagesPerSecond: r.messagesPerSecond, calibration: r.calibration };
}

async function cv(values: Values): Promise<Record<string, unknown>> {
  refuseOthers(values, 'cv', ['input', 'text-field', 'label-field', 'folds', 'baseline', 'seed']);
  const examples = await examplesFrom(values, 'cv');
  const k = folds(values, examples.length);
  return { folds: k, model: values.baseline ? 'baseline' : 'default', ...summary(crossValidate(examples, k, options(values))) };
}

/** Run `classifier <train|eval|cv> …`; returns the exit code. */
export async function classifierCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const run = sub === 'train' ? train : sub === 'eval' ? evalModel : sub === 'cv' ? cv : null;
  try {
    if (!run) throw new UsageError(`${sub ? `unknown subcommand "${sub}"` : 'a subcommand is needed'}: train, eval or cv (npm run gongzhi -- help lists their options)`);
    let parsed: ReturnType<typeof parseCommandArgs<typeof flags>>;
    try {
      parsed = parseCommandArgs(rest, flags);
    } catch (e) {
      // node:util's message goes on to explain "--" in a second sentence; the first says what is wrong.
      throw new UsageError((e as Error).message.split(/\.\s/)[0]!.replace(/\.$/, ''));
    }
    if (parsed.positionals.length) throw new UsageError(`unexpected argument "${parsed.positionals[0]}" (every value follows its --flag)`);
    const values = parsed.values;
    console.log(JSON.stringify(await run(values)));
    return 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof LabelledFileError || e instanceof TypeError) {
      console.error(`classifier: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

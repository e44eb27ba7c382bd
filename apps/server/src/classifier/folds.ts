import { Random } from '../demo/prng.js';

/**
 * Stratified k-fold assignment: each class's examples are shuffled (seeded) and dealt round the folds, the deal
 * continuing where the previous class stopped, so every fold gets each class's share and the folds' sizes
 * differ by at most one. Returns the fold (0..k−1) of every example.
 */
export function stratifiedFolds(labels: readonly string[], folds: number, seed: string): Int32Array {
  const byLabel = new Map<string, number[]>();
  labels.forEach((l, i) => {
    const list = byLabel.get(l);
    if (list) list.push(i);
    else byLabel.set(l, [i]);
  });
  const out = new Int32Array(labels.length);
  const rng = new Random(`${seed}/folds`);
  let next = 0;
  for (const label of [...byLabel.keys()].sort()) {
    for (const i of rng.shuffled(byLabel.get(label)!)) {
      out[i] = next;
      next = (next + 1) % folds;
    }
  }
  return out;
}

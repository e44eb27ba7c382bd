import type { AppDeps } from '../deps.js';
import { AppError } from '../lib/app-error.js';
import { retrainCommunity } from '../modules/triage/index.js';
import { parseCommandArgs } from './args.js';
import { communityArg } from './import.js';

/**
 * `retrain-classifier --community ID|名称`: the same as the console's retrain button — train on the community's
 * labelled requests, cross-validate, store and activate — and print the model's figures as JSON.
 */
export async function retrainCommand(deps: AppDeps, argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, { community: { type: 'string' } });
  if (!values.community) {
    console.error('retrain-classifier needs --community ID or name.');
    return 1;
  }
  const communityId = await communityArg(deps, values.community);
  if (!communityId) return 1;
  const started = Date.now();
  try {
    const model = await retrainCommunity(deps, communityId);
    console.log(JSON.stringify({ ...model, seconds: (Date.now() - started) / 1000 }, null, 2));
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      console.error(`Refused: ${e.code}${e.details ? ` ${JSON.stringify(e.details)}` : ''}`);
      return 1;
    }
    throw e;
  }
}

import { z } from 'zod';
import { idSchema } from './common.js';
import { classifierModelView } from './request-admin.js';

/** Classifier retraining as a background job: what the retrain button starts and the settings page polls. */
export const classifierJobStatuses = ['queued', 'running', 'done', 'failed'] as const;
export type ClassifierJobStatus = (typeof classifierJobStatuses)[number];
/** What a running job is doing, in order; cross-validation reports its fold as `fold` of `folds`. */
export const classifierJobPhases = ['collecting', 'cross_validation', 'final_training', 'saving'] as const;
export type ClassifierJobPhase = (typeof classifierJobPhases)[number];

export const classifierJobView = z.object({
  id: z.string(),
  communityId: z.string(),
  status: z.enum(classifierJobStatuses),
  /** null before the job starts and after it ends. */
  phase: z.enum(classifierJobPhases).nullable(),
  /** 1-based fold being trained during cross-validation, of `folds`; `folds` null when there is no cross-validation. */
  fold: z.number().int().nullable(),
  folds: z.number().int().nullable(),
  /** Training examples (own labels plus seed phrasings), known once the labels are collected. */
  exampleCount: z.number().int().nullable(),
  /** The model it trained (now active), once done. */
  model: classifierModelView.nullable(),
  /** Why it failed: an error code of `errorMessages`, with its details. */
  error: z.object({ code: z.string(), details: z.record(z.string(), z.union([z.string(), z.number()])).nullable() }).nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type ClassifierJobView = z.infer<typeof classifierJobView>;

export const listClassifierJobsQuery = z.object({
  communityId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(5),
});
export const classifierJobListResponse = z.object({ items: z.array(classifierJobView) });

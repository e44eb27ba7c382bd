import type { z } from 'zod';
import type { ArticleStance, QuestionBody, QuestionView, answerBody } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Db } from '../../db/database.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { requirePermitted } from '../../lib/participation.js';
import { recordAudit } from '../audit/audit.service.js';
import * as crepo from './consultation.repository.js';
import * as repo from './covenant.repository.js';
import { currentArticle, participant } from './consultation.service.js';
import { auditTarget, managedCovenant, visibleCovenant } from './covenant.service.js';
import { currentPermissions, requirePhase } from './phases.js';
import { versionOf } from './versions.service.js';

/** Support or oppose per article, and the short questions staff put with options, during consultation. */

/** Set or clear (null) my stance on an article of the current version. */
export async function setStance(deps: AppDeps, ctx: RequestContext, id: string, articleId: string, stance: ArticleStance | null) {
  const c = await visibleCovenant(deps.db, ctx.actor, id);
  requirePhase(c, 'consultation');
  requirePermitted(await currentPermissions(deps.db, c), 'comment', await participant(deps.db, ctx.actor, c));
  const a = await repo.findArticle(deps.db, articleId);
  if (!a || a.covenant_id !== c.id) throw notFound();
  await currentArticle(deps.db, c, a.version_id, a.id);
  const userId = ctx.actor.userId!;
  await deps.db.transaction().execute(async (trx) => {
    await crepo.setStance(trx, { articleId: a.id, userId, covenantId: c.id, versionId: a.version_id, stance, at: iso(deps.clock.now()) });
    await recordAudit(trx, ctx, deps.clock, { action: 'covenant.stance_set', ...auditTarget(c), after: { articleId: a.id, stance } });
  });
  const counts = (await crepo.stanceCounts(deps.db, a.version_id, a.id)).get(a.id) ?? { support: 0, oppose: 0 };
  return { ...counts, myStance: stance };
}

async function questionViews(db: Db, actor: Actor, rows: crepo.QuestionRow[]): Promise<QuestionView[]> {
  const t = await crepo.answerTallies(
    db,
    rows.map((q) => q.id),
    actor.userId,
  );
  return rows.map((q) => {
    const texts = JSON.parse(q.options) as string[];
    return {
      id: q.id,
      versionId: q.version_id,
      articleId: q.article_id,
      text: q.text,
      multiple: q.multiple === 1,
      options: texts.map((text, i) => ({ text, count: Number(t.options.find((o) => o.question_id === q.id && o.option_index === i)?.n ?? 0) })),
      respondents: Number(t.respondents.find((r) => r.question_id === q.id)?.n ?? 0),
      myAnswer: t.mine
        .filter((m) => m.question_id === q.id)
        .map((m) => m.option_index)
        .sort((a, b) => a - b),
    };
  });
}

export async function listQuestions(deps: AppDeps, actor: Actor, id: string, versionId: string | undefined) {
  const c = await visibleCovenant(deps.db, actor, id);
  const v = versionId ?? c.current_version_id;
  if (!v) return { items: [] };
  await versionOf(deps.db, c, v);
  return { items: await questionViews(deps.db, actor, await crepo.listQuestions(deps.db, v)) };
}

export async function addQuestion(deps: AppDeps, ctx: RequestContext, id: string, body: QuestionBody): Promise<QuestionView> {
  const c = await managedCovenant(deps.db, ctx.actor, id);
  requirePhase(c, 'drafting', 'consultation');
  const article = await currentArticle(deps.db, c, body.versionId, body.articleId);
  const row: crepo.QuestionRow = {
    id: newId(),
    covenant_id: c.id,
    version_id: body.versionId,
    article_id: article?.id ?? null,
    text: body.text,
    options: JSON.stringify(body.options),
    multiple: body.multiple ? 1 : 0,
    created_by: ctx.actor.userId!,
    created_at: iso(deps.clock.now()),
  };
  await deps.db.transaction().execute(async (trx) => {
    await crepo.insertQuestion(trx, row);
    await recordAudit(trx, ctx, deps.clock, { action: 'covenant.question_added', ...auditTarget(c), after: { questionId: row.id, text: row.text, options: body.options, multiple: body.multiple } });
  });
  return (await questionViews(deps.db, ctx.actor, [row]))[0]!;
}

/** Answer (or change my answer to) a question of the current version. */
export async function answerQuestion(deps: AppDeps, ctx: RequestContext, id: string, questionId: string, body: z.infer<typeof answerBody>): Promise<QuestionView> {
  const c = await visibleCovenant(deps.db, ctx.actor, id);
  const q = await crepo.findQuestion(deps.db, questionId);
  if (!q || q.covenant_id !== c.id) throw notFound();
  requirePhase(c, 'consultation');
  requirePermitted(await currentPermissions(deps.db, c), 'comment', await participant(deps.db, ctx.actor, c));
  await currentArticle(deps.db, c, q.version_id, undefined);
  const count = (JSON.parse(q.options) as string[]).length;
  const chosen = [...new Set(body.options)].sort((a, b) => a - b);
  if (chosen.length !== body.options.length || chosen.some((o) => o >= count) || (q.multiple !== 1 && chosen.length !== 1)) {
    throw new AppError('covenant_answer_invalid', 400, { field: 'options', optionCount: count, multiple: q.multiple === 1 });
  }
  await deps.db.transaction().execute(async (trx) => {
    await crepo.replaceAnswer(trx, q.id, ctx.actor.userId!, chosen, iso(deps.clock.now()));
    await recordAudit(trx, ctx, deps.clock, { action: 'covenant.question_answered', ...auditTarget(c), after: { questionId: q.id, options: chosen } });
  });
  return (await questionViews(deps.db, ctx.actor, [q]))[0]!;
}

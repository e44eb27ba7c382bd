import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  classifyBody,
  closeBody,
  dispatchBody,
  idParams,
  mergeBody,
  noteBody,
  rateBody,
  reasonBody,
  replyBody,
  requestDetail,
  urgencyBody,
  withdrawBody,
} from '@gongzhi/shared';
import type { RoutePolicy } from '../../lib/policy.js';
import type { RequestContext } from '../../lib/actor.js';
import { closeRequest, mergeRequest, selfResolveRequest, withdrawRequest } from './closing.service.js';
import { acceptRequest, addNote, changeUrgency, classifyRequest, dispatchRequest, replyRequest, returnRequest } from './handling.service.js';
import { objectToRequest, rateRequest } from './rating.service.js';
import { canActAsResident, canDispatchRequests, canHandleRequests, canSelfResolve } from './requests.policy.js';
import { getRequestDetail } from './requests.service.js';

type App = Parameters<FastifyPluginAsyncZod>[0];

/**
 * The lifecycle routes. Each checks the action against the state machine (state-machine.ts) for this viewer and
 * answers the request's new detail, `can` included. A lost race answers 409 request_state_conflict.
 */
export function lifecycleRoutes(app: App): void {
  function action<B extends z.ZodType>(
    path: string,
    policy: RoutePolicy,
    summary: string,
    body: B | null,
    run: (ctx: RequestContext, id: string, body: z.infer<B>) => Promise<unknown>,
  ) {
    app.post(
      `/requests/:id/${path}`,
      { config: { policy }, schema: { tags: ['requests'], summary, params: idParams, ...(body ? { body } : {}), response: { 200: requestDetail } } },
      async (req) => {
        await run(req.ctx(), req.params.id, req.body as z.infer<B>);
        return getRequestDetail(app.deps, req.actor, req.params.id);
      },
    );
  }
  const d = app.deps;
  action('classify', canDispatchRequests, 'Correct the category (kept as a training label)', classifyBody, (c, id, b) => classifyRequest(d, c, id, b.categoryId));
  action('urgency', canDispatchRequests, 'Change the urgency; deadlines are recomputed from the creation time', urgencyBody, (c, id, b) => changeUrgency(d, c, id, b));
  action('dispatch', canDispatchRequests, 'Assign to people or organisations of the community, with one lead when several', dispatchBody, (c, id, b) => dispatchRequest(d, c, id, b));
  action('accept', canHandleRequests, 'The lead takes it on (the response time counts this)', null, (c, id) => acceptRequest(d, c, id));
  action('return', canHandleRequests, 'An assignee gives it back to the dispatchers, with the reason', reasonBody, (c, id, b) => returnRequest(d, c, id, b.reason));
  action('notes', canHandleRequests, 'A progress note, public or staff-only, with photos', noteBody, (c, id, b) => addNote(d, c, id, b));
  action('reply', canHandleRequests, 'The lead answers the resident (everyone merged into it gets the answer too)', replyBody, (c, id, b) => replyRequest(d, c, id, b));
  action('self-resolve', canSelfResolve, 'Resolve a new request on the spot (grid worker in their grid, or community staff)', replyBody, (c, id, b) => selfResolveRequest(d, c, id, b));
  action('rate', canActAsResident, 'Rate the answer; dissatisfied (with a comment) reopens it as an objection', rateBody, (c, id, b) => rateRequest(d, c, id, b));
  action('objection', canActAsResident, 'Dispute the answer within the objection window; the request reopens', reasonBody, (c, id, b) => objectToRequest(d, c, id, b.reason));
  action('merge', canDispatchRequests, 'Merge a duplicate into another open request of the community', mergeBody, (c, id, b) => mergeRequest(d, c, id, b.intoId));
  action('withdraw', canActAsResident, 'The resident withdraws their request', withdrawBody, (c, id, b) => withdrawRequest(d, c, id, b.reason));
  action('close', canDispatchRequests, 'Close a rated request', closeBody, (c, id, b) => closeRequest(d, c, id, b.note));
}

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changePasswordBody, claimBody, loginBody, okResponse } from '@gongzhi/shared';
import { SESSION_COOKIE, sessionCookieOptions } from '../../plugins/auth.js';
import { canChangePassword, canClaim, canLogin, canLogout } from './auth.policy.js';
import { changePassword, claimAccount, login, logout } from './auth.service.js';

// Per-address limit on top of the per-account lockout, against password spraying across many accounts.
const loginRateLimit = { max: 20, timeWindow: '1 minute' };

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/login',
    {
      config: { policy: canLogin, rateLimit: loginRateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Log in with a username or phone number and a password; sets the session cookie',
        body: loginBody,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req, reply) => {
      const s = await login(app.deps, req.ctx(), req.body.account, req.body.password);
      reply.setCookie(SESSION_COOKIE, s.token, sessionCookieOptions(s.expiresAt));
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { policy: canLogout },
      schema: { tags: ['auth'], summary: 'End this session', response: { 200: okResponse } },
    },
    async (req, reply) => {
      await logout(app.deps, req.ctx());
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions());
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/password',
    {
      config: { policy: canChangePassword },
      schema: {
        tags: ['auth'],
        summary: 'Change your password; your other sessions end',
        body: changePasswordBody,
        response: { 200: okResponse },
      },
    },
    async (req) => {
      await changePassword(app.deps, req.ctx(), req.body.currentPassword, req.body.newPassword);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/claim',
    {
      config: { policy: canClaim, rateLimit: loginRateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Claim an account with the one-time code from the community, choosing a password',
        body: claimBody,
        response: { 200: okResponse },
      },
    },
    async (req, reply) => {
      const s = await claimAccount(app.deps, req.ctx(), req.body);
      reply.setCookie(SESSION_COOKIE, s.token, sessionCookieOptions(s.expiresAt));
      return { ok: true as const };
    },
  );
};

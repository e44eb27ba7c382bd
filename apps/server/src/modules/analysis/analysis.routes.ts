import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { analysisExportQuery, analysisQuery, analysisSummary, hotspotsView, monthlyReportQuery, overdueQuery, overdueView, ratesByView, ratesQuery, summaryQuery, termsView } from '@gongzhi/shared';
import { requestLocale } from '../../plugins/errors.js';
import { attachment } from '../transfer/export.service.js';
import { MIME_XLSX } from '../transfer/xlsx/sheet-layout.js';
import { Closed } from '../transfer/xlsx/zip-stream.js';
import { canAnalyse } from './analysis.policy.js';
import { prepareAnalysisExport } from './export.service.js';
import { hotspots } from './hotspots.service.js';
import { monthlyReport } from './monthly-report.service.js';
import { overdueList, ratesBy } from './rates.service.js';
import { DEFAULT_REPORT_FONT } from './report-font.js';
import { summarise } from './summary.service.js';
import { trendingTerms } from './terms.service.js';

const tags = ['analysis'];
const config = { policy: canAnalyse };

/** Options for tests and operators: where the monthly report's font lives. */
export interface AnalysisRouteOptions {
  reportFontPath?: string;
}

/**
 * The analysis dashboard's API (分析): every route answers for the caller's scope (requestAnalystRoles), narrowed
 * with `placeId`, over a period (default the last 30 days). Definitions of every figure: schemas/analysis.ts.
 */
export const analysisRoutes: FastifyPluginAsyncZod<AnalysisRouteOptions> = async (app, opts) => {
  app.get(
    '/analysis/summary',
    { config, schema: { tags, summary: 'Volume by category, grid, building, channel, status and time; the three rates; overdue now', querystring: summaryQuery, response: { 200: analysisSummary } } },
    (req) => summarise(app.deps, req.ctx(), req.query, requestLocale(req)),
  );

  app.get(
    '/analysis/hotspots',
    { config, schema: { tags, summary: 'Every building in scope with its request count and top category, with estates and grids', querystring: analysisQuery, response: { 200: hotspotsView } } },
    (req) => hotspots(app.deps, req.ctx(), req.query, requestLocale(req)),
  );

  app.get(
    '/analysis/terms',
    { config, schema: { tags, summary: 'Trending terms: the top 30 this period against the previous one', querystring: analysisQuery, response: { 200: termsView } } },
    (req) => trendingTerms(app.deps, req.ctx(), req.query),
  );

  app.get(
    '/analysis/rates',
    { config, schema: { tags, summary: 'Response, resolution and satisfaction rates by community, grid, handler, category or month', querystring: ratesQuery, response: { 200: ratesByView } } },
    (req) => ratesBy(app.deps, req.ctx(), req.query, requestLocale(req)),
  );

  app.get(
    '/analysis/overdue',
    { config, schema: { tags, summary: 'Overdue requests now, most overdue first (from/to: only those received then)', querystring: overdueQuery, response: { 200: overdueView } } },
    (req) => overdueList(app.deps, req.ctx(), req.query, requestLocale(req)),
  );

  app.get(
    '/analysis/export.xlsx',
    { config, schema: { tags, summary: 'The period as .xlsx: requests (no names or phones), summary by category, rates by grid', querystring: analysisExportQuery } },
    async (req, reply) => {
      const file = await prepareAnalysisExport(app.deps, req.ctx(), req.query, requestLocale(req));
      const body = new PassThrough();
      file.write(body).catch((err: unknown) => {
        if (err instanceof Closed) return;
        req.log.error({ err }, 'analysis export failed');
        body.destroy(err instanceof Error ? err : new Error(String(err)));
      });
      return reply.header('content-type', MIME_XLSX).header('content-disposition', attachment(file)).send(body);
    },
  );

  app.get(
    '/analysis/monthly-report.pdf',
    { config, schema: { tags, summary: 'The monthly report for the party secretary (PDF); month=YYYY-MM, default last month', querystring: monthlyReportQuery } },
    async (req, reply) => {
      const report = await monthlyReport(app.deps, req.ctx(), req.query, { fontPath: opts.reportFontPath ?? DEFAULT_REPORT_FONT });
      return reply.header('content-type', 'application/pdf').header('content-disposition', attachment(report)).send(Buffer.from(report.bytes));
    },
  );
};

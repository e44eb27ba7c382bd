/** What other modules, the command line and benchmarks use from the analysis module. */
export { analysisRoutes } from './analysis.routes.js';
export { resolveScope, type AnalysisScope } from './analysis-scope.js';
export { resolvePeriod, monthPeriod, type Period } from './period.js';
export { summariseScope } from './summary.service.js';
export { writeAnalysisWorkbook } from './export.service.js';
export { monthlyReport } from './monthly-report.service.js';
export { DEFAULT_REPORT_FONT } from './report-font.js';
/** Recount the daily rollup from the requests (kept by triggers; for bulk loads that ran without them). */
export { rebuildDailyStats } from '../../db/migrations/2026_11_26_0010_analysis_stats.js';

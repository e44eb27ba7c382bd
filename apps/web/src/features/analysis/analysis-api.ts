import type {
  AnalysisSummary,
  HotspotsView,
  OverdueView,
  RateDimension,
  RatesByView,
  TermsView,
  TimeGranularity,
} from '@gongzhi/shared';
import { api, requestFile } from '../../api/client.js';

/** The period and place every analysis call takes: local dates `YYYY-MM-DD` (read by the server in UTC+8). */
export interface AnalysisScope {
  from: string;
  to: string;
  placeId?: string;
}

/** The analysis dashboard's figures, the export and the monthly report. */
export const analysisApi = {
  summary: (q: AnalysisScope & { granularity?: TimeGranularity }, signal?: AbortSignal) =>
    api.get<AnalysisSummary>('/analysis/summary', { ...q }, signal),
  hotspots: (q: AnalysisScope, signal?: AbortSignal) => api.get<HotspotsView>('/analysis/hotspots', { ...q }, signal),
  terms: (q: AnalysisScope, signal?: AbortSignal) => api.get<TermsView>('/analysis/terms', { ...q }, signal),
  rates: (q: AnalysisScope & { by: RateDimension }, signal?: AbortSignal) => api.get<RatesByView>('/analysis/rates', { ...q }, signal),
  /** Overdue now; from/to, when given, keep only those received then. */
  overdue: (q: Partial<AnalysisScope> & { limit: number; offset: number }, signal?: AbortSignal) =>
    api.get<OverdueView>('/analysis/overdue', { ...q }, signal),
  exportXlsx: (q: AnalysisScope) => requestFile('GET', '/analysis/export.xlsx', { query: { ...q }, fallbackName: `analysis-${q.from}-${q.to}.xlsx` }),
  monthlyReport: (q: { month: string; placeId?: string }) =>
    requestFile('GET', '/analysis/monthly-report.pdf', { query: { ...q }, fallbackName: `monthly-report-${q.month}.pdf` }),
};

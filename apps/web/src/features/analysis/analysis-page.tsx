import { Alert, Card, Col, Row, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { timeGranularities, type TimeGranularity } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { analysisApi, type AnalysisScope } from './analysis-api.js';
import { HeadlineCards } from './headline-cards.js';
import { HotspotsCard } from './hotspots-card.js';
import { OverdueCard } from './overdue-card.js';
import { PeriodFilter } from './period-filter.js';
import { periodDates, readPeriod, writePeriod } from './period.js';
import { RatesCard } from './rates-card.js';
import { ReportButtons } from './report-buttons.js';
import { TermsCard } from './terms-card.js';
import { VolumeCharts } from './volume-charts.js';
import './analysis.css';

/**
 * The analysis dashboard (`/console/analysis`): headline figures and rates, volume charts, building hotspots,
 * trending terms, the overdue list and rates by dimension, for a period and a place held in the address bar.
 */
export default function AnalysisPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const period = readPeriod(params);
  const placeId = params.get('placeId') || undefined;
  const g = params.get('g');
  const granularity = (timeGranularities as readonly string[]).includes(g ?? '') ? (g as TimeGranularity) : undefined;
  const scope: AnalysisScope = { ...periodDates(period), placeId };
  // The server names some rows in the caller's language (未分类, 未派单): a language switch reloads.
  const key = JSON.stringify({ ...scope, lang: i18n.language });

  const summary = useLoaded(JSON.stringify({ ...scope, granularity, lang: i18n.language }), (signal) => analysisApi.summary({ ...scope, granularity }, signal));
  const hotspots = useLoaded(key, (signal) => analysisApi.hotspots(scope, signal));
  const terms = useLoaded(key, (signal) => analysisApi.terms(scope, signal));

  const setParam = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  /** The request queue with the dashboard's period and place, narrowed further. */
  const drill = (f: { categoryId?: string; placeId?: string }) => {
    const q = new URLSearchParams({ tab: 'all', from: scope.from, to: scope.to });
    const place = f.placeId ?? placeId;
    if (place) q.set('placeId', place);
    if (f.categoryId) q.set('categoryId', f.categoryId);
    navigate(`/console/requests?${q.toString()}`);
  };

  const s = summary.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={<Typography.Title level={3} style={{ margin: 0 }}>{t('analysis.title')}</Typography.Title>}
        extra={<ReportButtons scope={scope} month={period.preset === 'month' ? period.month : undefined} />}
      >
        <PeriodFilter
          period={period}
          placeId={placeId}
          onPeriod={(p) => setParams(writePeriod(params, p), { replace: true })}
          onPlace={(id) => setParam('placeId', id)}
        />
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
          {t('analysis.scopeLine', { name: s?.scope.name ?? '…', from: scope.from, to: scope.to })}
        </Typography.Paragraph>
      </Card>
      {summary.error ? <Alert type="error" showIcon title={errorText(summary.error)} /> : null}
      {!s ? (
        summary.error ? null : <Skeleton active />
      ) : (
        <>
          <HeadlineCards summary={s} />
          <VolumeCharts summary={s} onGranularity={(v) => setParam('g', v)} onDrill={drill} />
        </>
      )}
      <HotspotsCard data={hotspots.data} loading={hotspots.loading} onPick={(id) => drill({ placeId: id })} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={10}>
          <TermsCard data={terms.data} loading={terms.loading} />
        </Col>
        <Col xs={24} xl={14}>
          <OverdueCard key={placeId ?? 'all'} placeId={placeId} />
        </Col>
      </Row>
      <RatesCard key={s?.scope.kind === 'subdistrict' ? 'wide' : 'narrow'} scope={scope} wide={s?.scope.kind === 'subdistrict'} />
    </Space>
  );
}

import { Card, Col, Row, Statistic, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AnalysisSummary, RateView } from '@gongzhi/shared';
import { percent } from './rate-text.js';

type Figure = 'received' | 'closed' | 'overdue' | 'response' | 'resolution' | 'satisfaction';

function Headline({ figure, value, extra, danger }: { figure: Figure; value: string | number; extra?: string; danger?: boolean }) {
  const { t } = useTranslation();
  const title = t(`analysis.figures.${figure}`);
  const help = t(`analysis.definitions.${figure}`);
  return (
    <Card size="small" className="gz-headline" role="group" aria-label={title}>
      <Statistic
        title={
          <span>
            {title}{' '}
            <Tooltip title={help}>
              <QuestionCircleOutlined aria-label={t('analysis.figures.definition', { figure: title })} tabIndex={0} />
            </Tooltip>
          </span>
        }
        value={value}
        styles={{ content: danger ? { color: '#cf1322' } : undefined }}
      />
      {extra && <Typography.Text type="secondary">{extra}</Typography.Text>}
    </Card>
  );
}

/** The six figures at the top: received, closed, overdue now, and the three rates, each with its definition. */
export function HeadlineCards({ summary }: { summary: AnalysisSummary }) {
  const { t } = useTranslation();
  const { totals, rates } = summary;
  const rate = (r: RateView) => ({ value: percent(r), extra: t('analysis.figures.ratio', { numerator: r.numerator, denominator: r.denominator }) });
  const cells: { figure: Figure; value: string | number; extra?: string; danger?: boolean }[] = [
    { figure: 'received', value: totals.received, extra: t('analysis.figures.openNow', { count: totals.open }) },
    { figure: 'closed', value: totals.closed, extra: t('analysis.figures.replied', { count: totals.replied }) },
    { figure: 'overdue', value: totals.overdue, danger: totals.overdue > 0, extra: t('analysis.figures.overdueNow') },
    { figure: 'response', ...rate(rates.response) },
    { figure: 'resolution', ...rate(rates.resolution) },
    { figure: 'satisfaction', ...rate(rates.satisfaction) },
  ];
  return (
    <Row gutter={[12, 12]}>
      {cells.map((c) => (
        <Col key={c.figure} xs={12} md={8} xl={4}>
          <Headline {...c} />
        </Col>
      ))}
    </Row>
  );
}

import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Detail } from './meetings-api.js';

/** The live figures: eligible, present, women present, guests, and whether the quorum is met. */
export function AttendancePanel({ meeting }: { meeting: Detail }) {
  const { t } = useTranslation();
  const a = meeting.attendance;
  return (
    <Card size="small" title={t('meetings.attendance.title')} extra={<Typography.Text type="secondary">{t('meetings.attendance.refreshed')}</Typography.Text>}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={4}>
          <Statistic title={t('meetings.attendance.eligible')} value={a.eligible} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('meetings.attendance.present')} value={a.present} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('meetings.attendance.women')} value={a.womenPresent} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('meetings.attendance.guests')} value={a.guestsPresent} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('meetings.attendance.needed')} value={a.quorumNeeded} />
        </Col>
      </Row>
      <Alert
        style={{ marginTop: 12 }}
        role="status"
        type={a.quorumMet ? 'success' : 'warning'}
        showIcon
        title={a.quorumMet ? t('meetings.attendance.met') : t('meetings.attendance.notMet', { count: Math.max(0, a.quorumNeeded - a.present) })}
        description={t('meetings.attendance.rule', { qn: a.quorum.num, qd: a.quorum.den, mn: a.majority.num, md: a.majority.den })}
      />
    </Card>
  );
}

import { Alert, Col, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CovenantTabProps } from './covenant-bits.js';
import { CommentsPanel } from './comments-panel.js';
import { QuestionsPanel } from './questions-panel.js';

/** 征求意见: comments anchored to articles with how each was handled, and the questions put to residents. */
export function ConsultationTab({ c, reload }: CovenantTabProps) {
  const { t } = useTranslation();
  if (c.versions.length === 0) return <Alert type="info" showIcon title={t('covenant.consultation.noVersion')} />;
  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} xl={15}>
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          <Typography.Title level={5}>{t('covenant.consultation.comments')}</Typography.Title>
          <CommentsPanel c={c} reload={reload} />
        </Space>
      </Col>
      <Col xs={24} xl={9}>
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          <Typography.Title level={5}>{t('covenant.consultation.questions')}</Typography.Title>
          <QuestionsPanel c={c} />
        </Space>
      </Col>
    </Row>
  );
}

import { Card, Col, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useResource } from '../../api/use-resource.js';
import { DetailState } from '../../console/detail-state.js';
import { LinkButton } from '../../console/link-button.js';
import { PersonRolesCard } from '../organisations/person-roles-card.js';
import { residentsApi } from './registers-api.js';
import { ResidentActions } from './resident-actions.js';
import { ResidentStatusTag } from './resident-bits.js';
import { ResidentConsentsCard } from './resident-consents-card.js';
import { ResidentRecord } from './resident-record.js';
import { ResidentTagsCard } from './resident-tags-card.js';
import { ResidenceHistory } from './residence-history.js';

/** One resident: the record, tags, consents, posts held, and where they have lived (`/console/residents/:id`). */
export default function ResidentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { state, set, reload } = useResource(id, residentsApi.get);

  if (state.status !== 'ready')
    return (
      <DetailState
        state={state}
        notFound={t('registers.resident.notFound')}
        notFoundHint={t('registers.resident.notFoundHint')}
        back={{ to: '/console/residents', label: t('registers.resident.back') }}
      />
    );

  const r = state.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap align="center" style={{ marginBottom: 12 }}>
          <LinkButton to="/console/residents">{t('registers.resident.back')}</LinkButton>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {r.name}
          </Typography.Title>
          <ResidentStatusTag status={r.status} />
        </Space>
        <div style={{ marginBottom: 12 }}>
          <ResidentActions r={r} onChanged={set} onReload={reload} />
          {!r.canEdit && <Typography.Text type="secondary">{t('registers.resident.readOnly')}</Typography.Text>}
        </div>
        <ResidentRecord r={r} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <ResidentTagsCard r={r} onChanged={set} />
            <ResidentConsentsCard r={r} onChanged={set} />
          </Space>
        </Col>
        <Col xs={24} xl={12}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <PersonRolesCard residentId={r.id} />
            <Card size="small" title={t('registers.resident.history')}>
              <ResidenceHistory items={r.history} />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

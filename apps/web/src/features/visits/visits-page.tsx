import { useState } from 'react';
import { App, Button, Card, Space, Tabs } from 'antd';
import { EditOutlined, PieChartOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { visitRoles } from '@gongzhi/shared';
import { LinkButton } from '../../console/link-button.js';
import { hasRole } from '../../console/module-access.js';
import { useSession } from '../session/session-context.js';
import { PlanCreateModal } from './plan-create-modal.js';
import { PlansList } from './plans-list.js';
import { RecordsList } from './records-list.js';
import './visits.css';

type Tab = 'plans' | 'records';

/** 走访 (`/console/visits`): visiting plans with their progress and the visit records, with a way to record one. */
export default function VisitsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'records' ? 'records' : 'plans';
  const writer = hasRole(me, visitRoles);
  // Grid workers and building leaders mostly look for what they recorded themselves.
  const fieldWorker = writer && !hasRole(me, ['community_admin', 'community_staff']);
  const [creating, setCreating] = useState(false);

  return (
    <Card
      title={t('visits.title')}
      extra={
        <Space wrap>
          <LinkButton to="/console/visits/coverage" icon={<PieChartOutlined />}>
            {t('visits.coverage.open')}
          </LinkButton>
          {writer && (
            <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('visits.plans.create')}
            </Button>
          )}
          {writer && (
            <LinkButton to="/console/visits/new" type="primary" icon={<EditOutlined />}>
              {t('visits.record.open')}
            </LinkButton>
          )}
        </Space>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'records' ? { tab: k } : {}, { replace: true })}
        items={[
          { key: 'plans', label: t('visits.tabs.plans'), children: <PlansList /> },
          { key: 'records', label: t('visits.tabs.records'), children: <RecordsList mineFirst={fieldWorker} /> },
        ]}
      />
      <PlanCreateModal
        open={creating}
        onClose={(plan) => {
          setCreating(false);
          if (plan) {
            message.success(t('visits.plans.created', { count: plan.targetCount }));
            navigate(`/console/visits/plans/${plan.id}`);
          }
        }}
      />
    </Card>
  );
}

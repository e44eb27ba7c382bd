import { useState } from 'react';
import { App, Button, Card, Descriptions, Segmented, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, FormOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { visitPlanTargetKindLabels, visitRoles, type VisitPlanTargetView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useResource } from '../../api/use-resource.js';
import { DetailState } from '../../console/detail-state.js';
import { LinkButton } from '../../console/link-button.js';
import { hasRole } from '../../console/module-access.js';
import { useLabel } from '../../i18n/labels.js';
import { useSession } from '../session/session-context.js';
import { useInlineEdit } from './form-card.js';
import { PlanEditCard } from './plan-edit-card.js';
import { PlanProgress, PlanStatusTag, shortDateTime } from './visit-bits.js';
import { visitsApi } from './visits-api.js';
import './visits.css';

type Show = 'all' | 'open' | 'visited';

/** Where 记录走访 starts for one target: the plan and the household or organisation filled in. */
const recordLink = (planId: string, target: VisitPlanTargetView) => {
  const q = new URLSearchParams({ planId });
  if (target.householdId) q.set('householdId', target.householdId);
  else if (target.organisationId) q.set('organisationId', target.organisationId);
  return `/console/visits/new?${q.toString()}`;
};

/** One visiting plan (`/console/visits/plans/:id`): its targets and which of them someone has visited. */
export default function PlanDetailPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { modal, message } = App.useApp();
  const { me } = useSession();
  const { id = '' } = useParams();
  const { state, set } = useResource(id, visitsApi.plan);
  const [show, setShow] = useState<Show>('all');
  const edit = useInlineEdit(set, t('visits.plans.saved'));

  if (state.status !== 'ready')
    return (
      <DetailState
        state={state}
        notFound={t('visits.plans.notFound')}
        back={{ to: '/console/visits', label: t('visits.plans.back') }}
      />
    );

  const p = state.data;
  const targets = p.targets.filter((x) => show === 'all' || (show === 'visited') === (x.visitedAt !== null));
  const mayRecord = p.status === 'active' && hasRole(me, visitRoles);
  const cancel = () =>
    modal.confirm({
      title: t('visits.plans.cancelTitle'),
      content: t('visits.plans.cancelHint'),
      okText: t('visits.plans.cancel'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          set(await visitsApi.cancelPlan(p.id));
          message.success(t('visits.plans.cancelled'));
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });

  if (edit.editing && p.can.edit)
    return (
      <div className="gz-visit-form">
        <PlanEditCard plan={p} onDone={edit.done} />
      </div>
    );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap align="center" style={{ marginBottom: 8 }}>
          <LinkButton to="/console/visits">{t('visits.plans.back')}</LinkButton>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {p.title}
          </Typography.Title>
          <PlanStatusTag status={p.status} />
          {p.can.edit && (
            <Button icon={<FormOutlined />} onClick={edit.start}>
              {t('visits.plans.edit')}
            </Button>
          )}
          {p.can.cancel && p.status === 'active' && (
            <Button danger icon={<StopOutlined />} onClick={cancel}>
              {t('visits.plans.cancel')}
            </Button>
          )}
        </Space>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('visits.plans.period')}>
            {p.startsOn} ~ {p.endsOn}
          </Descriptions.Item>
          <Descriptions.Item label={t('visits.plans.targetKind')}>{label(visitPlanTargetKindLabels[p.targetKind])}</Descriptions.Item>
          <Descriptions.Item label={t('visits.plans.assignee')}>{p.assigneeName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('visits.plans.progress')}>
            <PlanProgress visited={p.visitedCount} total={p.targetCount} />
          </Descriptions.Item>
          <Descriptions.Item label={t('visits.plans.createdBy')}>{p.createdByName ?? '—'}</Descriptions.Item>
          {p.note && <Descriptions.Item label={t('visits.plans.note')}>{p.note}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card
        size="small"
        title={t('visits.plans.targetsTitle', { count: p.targets.length })}
        extra={
          <Segmented<Show>
            size="small"
            aria-label={t('visits.plans.show')}
            value={show}
            onChange={setShow}
            options={(['all', 'open', 'visited'] as const).map((s) => ({ value: s, label: t(`visits.plans.shows.${s}`) }))}
          />
        }
      >
        <Table<VisitPlanTargetView>
          rowKey="id"
          size="small"
          aria-label={t('visits.plans.targetsTable')}
          dataSource={targets}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          columns={[
            { key: 'name', title: t('visits.plans.targetName'), width: 120, render: (_: unknown, x) => x.name ?? '—' },
            { key: 'place', title: t('visits.fields.where'), dataIndex: 'placeLabel' },
            {
              key: 'visited',
              title: t('visits.plans.visited'),
              width: 190,
              render: (_: unknown, x) =>
                x.visitedAt && x.visitId ? (
                  <Link to={`/console/visits/${x.visitId}`}>
                    <Tag color="green">{t('visits.plans.visitedAt', { at: shortDateTime(x.visitedAt) })}</Tag>
                  </Link>
                ) : mayRecord ? (
                  <LinkButton size="small" icon={<EditOutlined />} to={recordLink(p.id, x)}>
                    {t('visits.record.open')}
                  </LinkButton>
                ) : (
                  <Tag>{t('visits.plans.notVisited')}</Tag>
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

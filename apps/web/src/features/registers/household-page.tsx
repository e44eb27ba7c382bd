import { useState } from 'react';
import { App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { EditOutlined, LogoutOutlined, SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useResource } from '../../api/use-resource.js';
import { DetailState } from '../../console/detail-state.js';
import { LinkButton } from '../../console/link-button.js';
import { hasRole, registerManagerRoles } from '../../console/module-access.js';
import { useSession } from '../session/session-context.js';
import { HouseholdActionModal, type HouseholdAction } from './household-action-modal.js';
import { HouseholdMembers } from './household-members.js';
import { householdsApi } from './registers-api.js';
import { ResidenceHistory } from './residence-history.js';
import { ResidentFormModal } from './resident-form-modal.js';

/** One household: where it lives, who belongs to it, and its moves (`/console/households/:id`). */
export default function HouseholdPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const { me } = useSession();
  const { state, set, reload } = useResource(id, householdsApi.get);
  const [action, setAction] = useState<HouseholdAction | null>(null);
  const [adding, setAdding] = useState(false);

  if (state.status !== 'ready')
    return (
      <DetailState
        state={state}
        notFound={t('registers.household.notFound')}
        notFoundHint={t('registers.household.notFoundHint')}
        back={{ to: '/console/households', label: t('registers.household.back') }}
      />
    );

  const h = state.data;
  const active = h.status === 'active';
  const canEdit = hasRole(me, registerManagerRoles);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap align="center" style={{ marginBottom: 12 }}>
          <LinkButton to="/console/households">{t('registers.household.back')}</LinkButton>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {h.placeLabel}
          </Typography.Title>
          <Tag color={active ? 'green' : 'default'}>{t(`registers.households.statuses.${h.status}`)}</Tag>
        </Space>
        {canEdit && (
          <Space wrap style={{ marginBottom: 12 }}>
            {active && (
              <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
                {t('registers.household.actions.addMember')}
              </Button>
            )}
            {active && (
              <Button icon={<SwapOutlined />} onClick={() => setAction('move')}>
                {t('registers.household.actions.move')}
              </Button>
            )}
            <Button icon={<EditOutlined />} onClick={() => setAction('note')}>
              {t('registers.household.actions.editNote')}
            </Button>
            {active && (
              <Button danger icon={<LogoutOutlined />} onClick={() => setAction('moveOut')}>
                {t('registers.household.actions.moveOut')}
              </Button>
            )}
          </Space>
        )}
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'address', label: t('registers.household.address'), children: h.placeLabel },
            {
              key: 'householder',
              label: t('registers.household.householder'),
              children: h.householderId ? <Link to={`/console/residents/${h.householderId}`}>{h.householderName}</Link> : t('registers.households.noHouseholder'),
            },
            { key: 'movedInOn', label: t('registers.household.movedInOn'), children: h.movedInOn ?? '—' },
            ...(h.movedOutOn ? [{ key: 'movedOutOn', label: t('registers.household.movedOutOn'), children: h.movedOutOn }] : []),
            { key: 'note', label: t('registers.household.note'), span: 2, children: h.note || '—' },
          ]}
        />
      </Card>
      <Card size="small" title={t('registers.household.membersCount', { count: h.members.length })}>
        <HouseholdMembers household={h} canEdit={canEdit && active} onChanged={set} />
      </Card>
      <Card size="small" title={t('registers.household.history')}>
        <ResidenceHistory items={h.history} />
      </Card>
      <HouseholdActionModal
        household={h}
        action={action}
        onClose={(changed) => {
          if (changed) {
            set(changed);
            message.success(
              t(action === 'move' ? 'registers.household.move.done' : action === 'moveOut' ? 'registers.household.moveOut.done' : 'registers.household.noteSaved'),
            );
          }
          setAction(null);
        }}
      />
      <ResidentFormModal
        mode={adding ? { kind: 'create', householdId: h.id } : null}
        onClose={(saved) => {
          setAdding(false);
          if (saved) {
            message.success(t('registers.form.created'));
            reload();
          }
        }}
      />
    </Space>
  );
}

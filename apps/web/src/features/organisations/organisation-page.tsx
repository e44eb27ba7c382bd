import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Popconfirm, Result, Space, Spin, Typography } from 'antd';
import { EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { MembershipView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useResource } from '../../api/use-resource.js';
import { LinkButton } from '../../console/link-button.js';
import { hasRole, organisationManagerRoles } from '../../console/module-access.js';
import { useSession } from '../session/session-context.js';
import { MembersTable } from './members-table.js';
import { MembershipFormModal } from './membership-form-modal.js';
import { OrganisationDetails } from './organisation-details.js';
import { OrganisationFormModal } from './organisation-form-modal.js';
import { organisationsApi } from './organisations-api.js';

/** One organisation: its record, its members and their terms (`/console/organisations/:id`). */
export default function OrganisationPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const { me } = useSession();
  const { state, reload } = useResource(id, organisationsApi.get);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [includeEnded, setIncludeEnded] = useState(false);
  const [ended, setEnded] = useState<MembershipView[] | null>(null);
  const [parentName, setParentName] = useState<string | null>(null);
  const parentId = state.status === 'ready' ? state.data.organisation.parentId : null;

  useEffect(() => {
    if (!includeEnded) return setEnded(null);
    organisationsApi.memberships({ organisationId: id, includeEnded: true }).then((r) => setEnded(r.items), () => setEnded(null));
  }, [id, includeEnded, state]);
  useEffect(() => {
    setParentName(null);
    if (parentId) organisationsApi.get(parentId).then((p) => setParentName(p.organisation.name), () => undefined);
  }, [parentId]);

  if (state.status === 'loading') return <Spin size="large" style={{ display: 'block', margin: 64 }} />;
  if (state.status === 'failed') return <Alert type="error" showIcon title={errorText(state.error)} />;
  if (state.status === 'not-found')
    return (
      <Result
        status="404"
        title={t('organisations.detail.notFound')}
        extra={
          <LinkButton to="/console/organisations" type="primary">
            {t('organisations.detail.back')}
          </LinkButton>
        }
      />
    );

  const { organisation: o, members } = state.data;
  const canManage = hasRole(me, organisationManagerRoles) && !o.retiredAt;

  const retire = async () => {
    try {
      await organisationsApi.retire(o.id);
      message.success(t('organisations.detail.retiredDone'));
      reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap align="center" style={{ marginBottom: 12 }}>
          <LinkButton to={`/console/organisations?kind=${o.kind}`}>{t('organisations.detail.back')}</LinkButton>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {o.name}
          </Typography.Title>
        </Space>
        {canManage && (
          <Space wrap style={{ marginBottom: 12 }}>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('organisations.detail.edit')}
            </Button>
            <Popconfirm title={t('organisations.detail.retireConfirm', { name: o.name })} okText={t('organisations.detail.retire')} cancelText={t('actions.cancel')} onConfirm={retire}>
              <Button danger icon={<StopOutlined />}>
                {t('organisations.detail.retire')}
              </Button>
            </Popconfirm>
          </Space>
        )}
        <OrganisationDetails o={o} parentName={parentName} />
      </Card>
      <Card
        size="small"
        title={t('organisations.members.titleCount', { count: members.filter((m) => !m.endedAt).length })}
        extra={
          <Space wrap>
            <Checkbox checked={includeEnded} onChange={(e) => setIncludeEnded(e.target.checked)}>
              {t('organisations.members.includeEnded')}
            </Checkbox>
            {canManage && (
              <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('organisations.members.add')}
              </Button>
            )}
          </Space>
        }
      >
        <MembersTable items={ended ?? members} canManage={canManage} onChanged={reload} />
      </Card>
      <OrganisationFormModal
        mode={editing ? { kind: 'edit', organisation: o } : null}
        onClose={(saved) => {
          setEditing(false);
          if (saved) {
            message.success(t('registers.form.saved'));
            reload();
          }
        }}
      />
      <MembershipFormModal
        communityId={o.communityId}
        organisation={o}
        open={adding}
        onClose={(saved) => {
          setAdding(false);
          if (saved) {
            message.success(t('organisations.members.added'));
            reload();
          }
        }}
      />
    </Space>
  );
}

import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Input, Space, Table, Tabs, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { organisationKindLabels, organisationKinds, termKinds, type OrganisationKind, type OrganisationView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { hasRole, organisationManagerRoles } from '../../console/module-access.js';
import { useLabel } from '../../i18n/labels.js';
import { useSession } from '../session/session-context.js';
import { OrganisationFormModal } from './organisation-form-modal.js';
import { PartyOrgTree } from './party-org-tree.js';
import { PlacePostsPanel } from './place-posts-panel.js';
import { useOrganisations } from './use-organisations.js';

type TabKey = OrganisationKind | 'posts';
const isKind = (v: string | null): v is OrganisationKind => (organisationKinds as readonly string[]).includes(v ?? '');

/** Organisations by kind: the party tree, both committees, stakeholders, and posts held at places. */
export default function OrganisationsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = params.get('kind') === 'posts' ? 'posts' : isKind(params.get('kind')) ? (params.get('kind') as OrganisationKind) : 'party_org';
  const [q, setQ] = useState<string | undefined>();
  const [includeRetired, setIncludeRetired] = useState(false);
  const kind = tab === 'posts' ? undefined : tab;
  const orgs = useOrganisations({ kind, q, includeRetired });
  const [creating, setCreating] = useState(false);
  const mayManage = hasRole(me, organisationManagerRoles);

  const columns: TableColumnsType<OrganisationView> = [
    { key: 'name', title: t('organisations.columns.name'), render: (_, o) => <Link to={`/console/organisations/${o.id}`}>{o.name}</Link> },
    { key: 'place', title: t('organisations.columns.place'), dataIndex: 'placeName', render: (v: string | null) => v ?? '—' },
    { key: 'contact', title: t('organisations.columns.contact'), render: (_, o) => [o.contactName, o.contactPhoneMasked].filter(Boolean).join(' ') || '—' },
    ...(kind && termKinds.includes(kind)
      ? [{ key: 'term', title: t('organisations.columns.term'), render: (_: unknown, o: OrganisationView) => (o.termStartOn ? `${o.termStartOn} ~ ${o.termEndOn ?? ''}` : '—') }]
      : []),
    ...(kind === 'stationed_unit'
      ? [{ key: 'dual', title: t('organisations.columns.dualReporting'), render: (_: unknown, o: OrganisationView) => o.dualReportingOn ?? '—' }]
      : []),
    { key: 'members', title: t('organisations.columns.members'), dataIndex: 'memberCount', align: 'right' },
    { key: 'status', title: t('organisations.columns.status'), render: (_, o) => (o.retiredAt ? <Tag>{t('organisations.detail.retired')}</Tag> : <Tag color="green">{t('organisations.detail.active')}</Tag>) },
  ];

  return (
    <Card
      title={t('organisations.title')}
      extra={
        mayManage &&
        tab !== 'posts' && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('organisations.list.add')}
          </Button>
        )
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(new URLSearchParams({ kind: k }))}
        items={[
          ...organisationKinds.map((k) => ({ key: k, label: label(organisationKindLabels[k]) })),
          { key: 'posts', label: t('organisations.posts.tab') },
        ]}
      />
      {tab === 'posts' ? (
        <PlacePostsPanel />
      ) : (
        <>
          <Space wrap style={{ marginBottom: 16 }}>
            <Input.Search
              aria-label={t('organisations.list.search')}
              placeholder={t('organisations.list.search')}
              allowClear
              enterButton={t('actions.search')}
              onSearch={(v) => setQ(v.trim() || undefined)}
              style={{ width: 280 }}
            />
            <Checkbox checked={includeRetired} onChange={(e) => setIncludeRetired(e.target.checked)}>
              {t('organisations.list.includeRetired')}
            </Checkbox>
          </Space>
          {orgs.error ? <Alert type="error" showIcon title={errorText(orgs.error)} style={{ marginBottom: 16 }} /> : null}
          {tab === 'party_org' && !q ? (
            <PartyOrgTree items={orgs.items} />
          ) : (
            <Table<OrganisationView>
              rowKey="id"
              columns={columns}
              dataSource={orgs.items}
              loading={orgs.loading}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              scroll={{ x: 800 }}
              locale={{ emptyText: t('organisations.list.empty') }}
            />
          )}
        </>
      )}
      <OrganisationFormModal
        mode={creating && kind ? { kind: 'create', orgKind: kind } : null}
        onClose={(saved) => {
          setCreating(false);
          if (saved) navigate(`/console/organisations/${saved.id}`);
        }}
      />
    </Card>
  );
}

import { useState } from 'react';
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  genderLabels,
  partyMemberCategoryLabels,
  partyMemberStatuses,
  partyReportingLabels,
  partyReportings,
  type PartyMemberView,
} from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { usePaged } from '../../api/use-loaded.js';
import { hasRole, organisationManagerRoles } from '../../console/module-access.js';
import { labelOptions, useLabel } from '../../i18n/labels.js';
import { useSession } from '../session/session-context.js';
import { partyMembersApi, type PartyMemberQuery } from './organisations-api.js';
import { PartyMemberFormModal } from './party-member-form-modal.js';
import { useOrganisations } from './use-organisations.js';

/** The party member roster: by branch, by reporting (community members and employed members who report here). */
export default function PartyMembersPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { me } = useSession();
  const [query, setQuery] = useState<PartyMemberQuery>({ status: 'active', limit: 50, offset: 0 });
  const list = usePaged<PartyMemberView>(JSON.stringify(query), (signal) => partyMembersApi.list(query, signal));
  const partyOrgs = useOrganisations({ kind: 'party_org' });
  const [editing, setEditing] = useState<PartyMemberView | null>(null);
  const [creating, setCreating] = useState(false);
  const canManage = hasRole(me, organisationManagerRoles);
  const update = (next: Partial<PartyMemberQuery>) => setQuery((q) => ({ ...q, offset: 0, ...next }));
  const dash = (v: string | null) => v ?? '—';

  const columns: TableColumnsType<PartyMemberView> = [
    {
      key: 'name',
      width: 100,
      title: t('organisations.party.name'),
      fixed: 'left',
      render: (_, m) => (m.residentId ? <Link to={`/console/residents/${m.residentId}`}>{m.name}</Link> : m.name),
    },
    { key: 'gender', width: 64, title: t('registers.form.gender'), render: (_, m) => (m.gender ? label(genderLabels[m.gender]) : '—') },
    { key: 'org', width: 140, title: t('organisations.party.org'), dataIndex: 'partyOrgName' },
    { key: 'category', width: 100, title: t('organisations.party.category'), render: (_, m) => label(partyMemberCategoryLabels[m.category]) },
    { key: 'joinedOn', width: 110, title: t('organisations.party.joinedOn'), dataIndex: 'joinedOn', render: dash },
    {
      key: 'reporting',
      width: 150,
      title: t('organisations.party.reporting'),
      render: (_, m) => <Tag color={m.reporting === 'employed' ? 'orange' : 'blue'}>{label(partyReportingLabels[m.reporting])}</Tag>,
    },
    { key: 'employer', width: 150, title: t('organisations.party.employer'), dataIndex: 'employer', render: dash },
    { key: 'reportedOn', width: 110, title: t('organisations.party.reportedOn'), dataIndex: 'reportedOn', render: dash },
    { key: 'idNumber', width: 190, title: t('registers.form.idNumber'), dataIndex: 'idNumberMasked', className: 'gz-mono gz-nowrap', render: dash },
    { key: 'phone', width: 130, title: t('registers.form.phone'), dataIndex: 'phoneMasked', className: 'gz-mono gz-nowrap', render: dash },
    { key: 'status', width: 84, title: t('organisations.party.status'), render: (_, m) => t(`organisations.party.statuses.${m.status}`) },
    ...(canManage
      ? [
          {
            key: 'actions',
      width: 90,
            title: t('organisations.members.columns.actions'),
            render: (_: unknown, m: PartyMemberView) => (
              <Button size="small" onClick={() => setEditing(m)}>
                {t('organisations.detail.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('organisations.party.title')}
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('organisations.party.add')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('organisations.party.search')}
          placeholder={t('organisations.party.search')}
          allowClear
          enterButton={t('actions.search')}
          onSearch={(v) => update({ q: v.trim() || undefined })}
          style={{ width: 260 }}
        />
        <Select<string>
          aria-label={t('organisations.party.org')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('organisations.party.anyOrg')}
          value={query.partyOrgId}
          onChange={(partyOrgId) => update({ partyOrgId })}
          options={partyOrgs.items.map((o) => ({ value: o.id, label: o.name }))}
          style={{ width: 220 }}
        />
        <Select<string>
          aria-label={t('organisations.party.reporting')}
          allowClear
          placeholder={t('organisations.party.anyReporting')}
          value={query.reporting}
          onChange={(v) => update({ reporting: v as PartyMemberQuery['reporting'] })}
          options={labelOptions(partyReportings, partyReportingLabels, label)}
          style={{ width: 200 }}
        />
        <Select<PartyMemberView['status']>
          aria-label={t('organisations.party.status')}
          value={query.status}
          onChange={(status) => update({ status })}
          options={partyMemberStatuses.map((s) => ({ value: s, label: t(`organisations.party.statuses.${s}`) }))}
          style={{ width: 120 }}
        />
      </Space>
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<PartyMemberView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        scroll={{ x: 1500 }}
        tableLayout="fixed"
        locale={{ emptyText: t('organisations.party.empty') }}
        pagination={{
          current: query.offset / query.limit + 1,
          pageSize: query.limit,
          total: list.total,
          showSizeChanger: true,
          showTotal: (total) => <Typography.Text type="secondary">{t('organisations.party.total', { total })}</Typography.Text>,
          onChange: (page, limit) => setQuery((q) => ({ ...q, limit, offset: (page - 1) * limit })),
        }}
      />
      <PartyMemberFormModal
        editing={editing}
        open={creating || editing !== null}
        onClose={(saved) => {
          setCreating(false);
          setEditing(null);
          if (saved) list.reload();
        }}
      />
    </Card>
  );
}

import { App, Button, Popconfirm, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { membershipRoleLabels, type MembershipView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLabel } from '../../i18n/labels.js';
import { organisationsApi } from './organisations-api.js';

/** The people holding posts, with the account role a post gave; a manager can end a post. */
export function MembersTable({
  items,
  loading,
  canManage,
  onChanged,
  showOrganisation = false,
}: {
  items: MembershipView[];
  loading?: boolean;
  canManage: boolean;
  onChanged: () => void;
  showOrganisation?: boolean;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();

  const end = async (m: MembershipView) => {
    try {
      await organisationsApi.endMember(m.id);
      message.success(t('organisations.members.ended'));
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const columns: TableColumnsType<MembershipView> = [
    {
      key: 'person',
      title: t('organisations.members.columns.person'),
      render: (_, m) => (m.residentId ? <Link to={`/console/residents/${m.residentId}`}>{m.personName}</Link> : m.personName),
    },
    { key: 'unit', title: t('organisations.members.columns.unit'), dataIndex: 'personUnit', render: (v: string | null) => v ?? '—' },
    { key: 'role', title: t('organisations.members.columns.role'), render: (_, m) => <Tag color="red">{label(membershipRoleLabels[m.role])}</Tag> },
    ...(showOrganisation
      ? [{ key: 'org', title: t('organisations.members.columns.organisation'), render: (_: unknown, m: MembershipView) => m.organisationName ?? '—' }]
      : []),
    { key: 'place', title: t('organisations.members.columns.place'), dataIndex: 'placeName', render: (v: string | null) => v ?? '—' },
    {
      key: 'term',
      title: t('organisations.members.columns.term'),
      className: 'gz-nowrap',
      render: (_, m) => (m.startOn || m.endOn ? `${m.startOn ?? ''} ~ ${m.endOn ?? ''}` : '—'),
    },
    { key: 'granted', title: t('organisations.members.columns.granted'), render: (_, m) => (m.grantedRole ? t(`roles.${m.grantedRole}`) : '—') },
    {
      key: 'status',
      title: t('organisations.members.columns.status'),
      render: (_, m) => (m.endedAt ? <Tag>{t('organisations.members.endedTag')}</Tag> : <Tag color="green">{t('organisations.members.current')}</Tag>),
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: t('organisations.members.columns.actions'),
            render: (_: unknown, m: MembershipView) =>
              !m.endedAt && (
                <Popconfirm
                  title={t('organisations.members.endConfirm', { name: m.personName, role: label(membershipRoleLabels[m.role]) })}
                  description={m.grantedRole ? t('organisations.members.endRevokes', { role: t(`roles.${m.grantedRole}`) }) : undefined}
                  okText={t('organisations.members.end')}
                  cancelText={t('actions.cancel')}
                  onConfirm={() => end(m)}
                >
                  <Button size="small" danger>
                    {t('organisations.members.end')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]
      : []),
  ];

  return (
    <Table<MembershipView>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 900 }}
      locale={{ emptyText: t('organisations.members.none') }}
    />
  );
}

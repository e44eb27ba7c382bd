import { App, Button, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { genderLabels, relationLabels, type ResidentView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLabel } from '../../i18n/labels.js';
import { householdsApi, type HouseholdDetail } from './registers-api.js';
import { ageOf, ResidentStatusTag, ResidentTagList } from './resident-bits.js';

/** The members of a household with their relation to the householder; a manager can change the householder. */
export function HouseholdMembers({ household, canEdit, onChanged }: { household: HouseholdDetail; canEdit: boolean; onChanged: (h: HouseholdDetail) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();

  const makeHouseholder = async (m: ResidentView) => {
    try {
      onChanged(await householdsApi.update(household.id, { householderId: m.id }));
      message.success(t('registers.household.householderSet'));
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const columns: TableColumnsType<ResidentView> = [
    { key: 'name', title: t('registers.residents.columns.name'), render: (_, m) => <Link to={`/console/residents/${m.id}`}>{m.name}</Link> },
    {
      key: 'relation',
      title: t('registers.residents.columns.relation'),
      render: (_, m) => (m.id === household.householderId ? <Tag color="red">{label(relationLabels.householder)}</Tag> : m.relation ? label(relationLabels[m.relation]) : '—'),
    },
    { key: 'gender', title: t('registers.residents.columns.gender'), render: (_, m) => (m.gender ? label(genderLabels[m.gender]) : '—') },
    {
      key: 'age',
      title: t('registers.residents.columns.birthDate'),
      render: (_, m) => {
        const age = ageOf(m.birthDate);
        return m.birthDate ? `${m.birthDate}${age !== null ? t('registers.residents.columns.age', { age }) : ''}` : '—';
      },
    },
    { key: 'idNumber', title: t('registers.residents.columns.idNumber'), dataIndex: 'idNumberMasked', className: 'gz-mono', render: (v: string | null) => v ?? '—' },
    { key: 'phone', title: t('registers.residents.columns.phone'), dataIndex: 'phoneMasked', className: 'gz-mono', render: (v: string | null) => v ?? '—' },
    { key: 'tags', title: t('registers.residents.columns.tags'), render: (_, m) => <ResidentTagList tags={m.tags} /> },
    { key: 'status', title: t('registers.residents.columns.status'), render: (_, m) => <ResidentStatusTag status={m.status} /> },
    ...(canEdit
      ? [
          {
            key: 'actions',
            title: '',
            render: (_: unknown, m: ResidentView) =>
              m.id !== household.householderId &&
              m.status === 'living' && (
                <Button size="small" onClick={() => makeHouseholder(m)}>
                  {t('registers.household.setHouseholder')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Table<ResidentView>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={household.members}
      pagination={false}
      scroll={{ x: 900 }}
      locale={{ emptyText: t('registers.household.noMembers') }}
    />
  );
}

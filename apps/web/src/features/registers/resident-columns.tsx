import type { TableColumnsType } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import { genderLabels, relationLabels, residencyStatusLabels, type Label, type ResidentView } from '@gongzhi/shared';
import { formatDateTime } from '../../i18n/format.js';
import { ageOf, ResidentStatusTag, ResidentTagList } from './resident-bits.js';
import type { ResidentFilter, ResidentSort } from './resident-filter.js';

/** Table column key → the server's sort name. */
export const sortOfColumn: Record<string, ResidentSort> = { name: 'name', birthDate: 'birth_date', movedInOn: 'moved_in_on', updatedAt: 'updated_at' };

/** The residents table: masked numbers only; the full ones are one reveal away on the resident's page. */
export function residentColumns(t: TFunction, label: (l: Label | null | undefined) => string, f: ResidentFilter): TableColumnsType<ResidentView> {
  const sorted = (key: string): SortOrder => (sortOfColumn[key] === f.sort ? (f.order === 'asc' ? 'ascend' : 'descend') : null);
  const dash = (v: string | null) => v ?? '—';
  return [
    {
      key: 'name',
      width: 110,
      title: t('registers.residents.columns.name'),
      dataIndex: 'name',
      fixed: 'left',
      sorter: true,
      sortOrder: sorted('name'),
      className: 'gz-nowrap',
      render: (name: string, r) => <Link to={`/console/residents/${r.id}`}>{name}</Link>,
    },
    {
      key: 'gender',
      width: 64,
      title: t('registers.residents.columns.gender'),
      dataIndex: 'gender',
      render: (g: ResidentView['gender']) => (g ? label(genderLabels[g]) : '—'),
    },
    {
      key: 'birthDate',
      width: 160,
      title: t('registers.residents.columns.birthDate'),
      dataIndex: 'birthDate',
      sorter: true,
      sortOrder: sorted('birthDate'),
      className: 'gz-nowrap',
      render: (d: string | null) => {
        const age = ageOf(d);
        return d ? `${d}${age !== null ? t('registers.residents.columns.age', { age }) : ''}` : '—';
      },
    },
    { key: 'idNumber', width: 190, title: t('registers.residents.columns.idNumber'), dataIndex: 'idNumberMasked', className: 'gz-nowrap gz-mono', render: dash },
    { key: 'phone', width: 130, title: t('registers.residents.columns.phone'), dataIndex: 'phoneMasked', className: 'gz-nowrap gz-mono', render: dash },
    { key: 'address', width: 250, title: t('registers.residents.columns.address'), dataIndex: 'placeLabel', render: (v: string) => v || '—' },
    {
      key: 'relation',
      width: 110,
      title: t('registers.residents.columns.relation'),
      dataIndex: 'relation',
      render: (v: ResidentView['relation']) => (v ? label(relationLabels[v]) : '—'),
    },
    {
      key: 'residency',
      width: 100,
      title: t('registers.residents.columns.residency'),
      dataIndex: 'residencyStatus',
      render: (v: ResidentView['residencyStatus']) => label(residencyStatusLabels[v]),
    },
    { key: 'tags', width: 170, title: t('registers.residents.columns.tags'), dataIndex: 'tags', render: (tags: ResidentView['tags']) => <ResidentTagList tags={tags} /> },
    { key: 'status', width: 84, title: t('registers.residents.columns.status'), dataIndex: 'status', render: (s: ResidentView['status']) => <ResidentStatusTag status={s} /> },
    {
      key: 'movedInOn',
      width: 116,
      title: t('registers.residents.columns.movedInOn'),
      dataIndex: 'movedInOn',
      sorter: true,
      sortOrder: sorted('movedInOn'),
      className: 'gz-nowrap',
      render: dash,
    },
    {
      key: 'updatedAt',
      width: 170,
      title: t('registers.residents.columns.updatedAt'),
      dataIndex: 'updatedAt',
      sorter: true,
      sortOrder: sorted('updatedAt'),
      className: 'gz-nowrap',
      render: (v: string) => formatDateTime(v),
    },
  ];
}

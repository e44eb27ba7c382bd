import { useState } from 'react';
import { Alert, Button, Card, Empty, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { ResidentView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { usePaged } from '../../api/use-loaded.js';
import { hasRole, registerManagerRoles } from '../../console/module-access.js';
import { useLabel } from '../../i18n/labels.js';
import { useSession } from '../session/session-context.js';
import { residentColumns, sortOfColumn } from './resident-columns.js';
import { PAGE_SIZES, readFilter, toQuery, writeFilter, type ResidentFilter } from './resident-filter.js';
import { ResidentFilterBar } from './resident-filter-bar.js';
import { ResidentFormModal } from './resident-form-modal.js';
import { residentsApi } from './registers-api.js';

/** The residents register: search, filter, sort and page on the server; masked numbers. */
export default function ResidentsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const query = toQuery(filter);
  const list = usePaged<ResidentView>(JSON.stringify(query), (signal) => residentsApi.list(query, signal));
  const [creating, setCreating] = useState(false);
  const mayManage = hasRole(me, registerManagerRoles);

  const update = (next: Partial<ResidentFilter>) => setParams(writeFilter({ ...filter, page: 1, ...next }));

  return (
    <Card
      title={t('registers.residents.title')}
      extra={
        mayManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('registers.residents.add')}
          </Button>
        )
      }
    >
      <ResidentFilterBar filter={filter} onChange={update} onClear={() => setParams(new URLSearchParams())} />
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<ResidentView>
        rowKey="id"
        size="middle"
        columns={residentColumns(t, label, filter)}
        dataSource={list.items}
        loading={list.loading}
        scroll={{ x: 1700 }}
        tableLayout="fixed"
        locale={{
          emptyText: <Empty description={list.loading ? t('states.loading') : t('registers.residents.empty')}>{!list.loading && t('registers.residents.emptyHint')}</Empty>,
        }}
        onChange={(pagination, _filters, sorter, extra) => {
          if (extra.action === 'sort') {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const sort = s?.order ? sortOfColumn[String(s.columnKey)] : undefined;
            update({ sort: sort ?? 'name', order: s?.order === 'descend' ? 'desc' : 'asc' });
          } else if (extra.action === 'paginate') {
            setParams(writeFilter({ ...filter, page: pagination.current ?? 1, size: pagination.pageSize ?? filter.size }));
          }
        }}
        pagination={{
          current: filter.page,
          pageSize: filter.size,
          total: list.total,
          pageSizeOptions: PAGE_SIZES,
          showSizeChanger: true,
          showQuickJumper: true,
          showTotal: (total) => <Typography.Text type="secondary">{t('registers.residents.total', { total })}</Typography.Text>,
        }}
      />
      <ResidentFormModal
        mode={creating ? { kind: 'create' } : null}
        onClose={(saved) => {
          setCreating(false);
          if (saved) navigate(`/console/residents/${saved.id}`);
        }}
      />
    </Card>
  );
}

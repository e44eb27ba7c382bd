import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Table, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { placeViewerRoles, requestDispatcherRoles, requestHandlerRoles, requestIntakeRoles, type RequestSummary } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { usePaged } from '../../api/use-loaded.js';
import { hasRole } from '../../console/module-access.js';
import { useLabel } from '../../i18n/labels.js';
import { useSession } from '../session/session-context.js';
import { IntakeDrawer } from './intake-drawer.js';
import { dueState, useNow } from './request-bits.js';
import { requestColumns, sortOfColumn } from './request-columns.js';
import { PAGE_SIZES, queueTabs, readFilter, toQuery, writeFilter, type QueueTab, type RequestFilter } from './request-filter.js';
import { RequestFilterBar } from './request-filter-bar.js';
import { requestsApi } from './requests-api.js';
import { useCategories, useRequestSettings } from './use-request-meta.js';
import './requests.css';

/** The request queue (`/console/requests`): quick filters, search, filters, server-side paging and sorting. */
export default function RequestsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { me } = useSession();
  const dispatcher = hasRole(me, requestDispatcherRoles);
  const defaultTab: QueueTab = dispatcher ? 'pending' : hasRole(me, requestHandlerRoles) ? 'mine' : 'all';
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params, defaultTab);
  const query = toQuery(filter);
  const list = usePaged<RequestSummary>(JSON.stringify(query), (signal) => requestsApi.list(query, signal));
  const categories = useCategories();
  const settings = useRequestSettings();
  const now = useNow();
  const [intake, setIntake] = useState(false);
  const mayEnter = hasRole(me, requestIntakeRoles);

  const update = (next: Partial<RequestFilter>) => setParams(writeFilter({ ...filter, page: 1, ...next }, defaultTab));
  const soon = settings.remindBeforeMinutes;

  return (
    <Card
      title={t('requests.queue.title')}
      extra={
        mayEnter && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIntake(true)}>
            {t('requests.intake.open')}
          </Button>
        )
      }
    >
      <Tabs
        activeKey={filter.tab}
        onChange={(tab) => update({ tab: tab as QueueTab })}
        items={queueTabs.map((key) => ({ key, label: t(`requests.queue.tabs.${key}`) }))}
      />
      <RequestFilterBar
        filter={filter}
        categories={categories.items}
        showPlace={hasRole(me, placeViewerRoles)}
        onChange={update}
        onClear={() => setParams(writeFilter(readFilter(new URLSearchParams(), defaultTab), defaultTab))}
      />
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<RequestSummary>
        rowKey="id"
        size="middle"
        aria-label={t('requests.queue.table')}
        columns={requestColumns({ t, label, filter, now, lowConfidence: settings.lowConfidence, soonMinutes: soon })}
        dataSource={list.items}
        loading={list.loading}
        scroll={{ x: 1800 }}
        tableLayout="fixed"
        rowClassName={(r) => `gz-request-row gz-due-${dueState(r.status, r.replyDueAt, now, soon)}`}
        onRow={(r) => ({ onClick: () => navigate(`/console/requests/${r.id}`) })}
        locale={{ emptyText: <Empty description={list.loading ? t('states.loading') : t('requests.queue.empty')} /> }}
        onChange={(pagination, _filters, sorter, extra) => {
          if (extra.action === 'sort') {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const sort = s?.order ? sortOfColumn[String(s.columnKey)] : undefined;
            update({ sort: sort ?? 'created_at', order: s?.order === 'ascend' ? 'asc' : 'desc' });
          } else if (extra.action === 'paginate') {
            setParams(writeFilter({ ...filter, page: pagination.current ?? 1, size: pagination.pageSize ?? filter.size }, defaultTab));
          }
        }}
        pagination={{
          current: filter.page,
          pageSize: filter.size,
          total: list.total,
          pageSizeOptions: PAGE_SIZES,
          showSizeChanger: true,
          showTotal: (total) => <Typography.Text type="secondary">{t(list.totalCapped ? 'requests.queue.totalMore' : 'requests.queue.total', { total })}</Typography.Text>,
        }}
      />
      <IntakeDrawer
        open={intake}
        categories={categories.items}
        onClose={(created) => {
          setIntake(false);
          if (created) {
            message.success(t('requests.intake.created', { number: created.number }));
            navigate(`/console/requests/${created.id}`);
          }
        }}
      />
    </Card>
  );
}

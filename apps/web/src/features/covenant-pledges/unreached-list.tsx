import { useState } from 'react';
import { Alert, Button, Card, Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnreachedHousehold } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { usePaged } from '../../api/use-loaded.js';
import { pledgesApi } from './pledges-api.js';

const PAGE = 20;

interface Props {
  covenantId: string;
  /** A building or grid picked on the chart; the whole of the caller's part otherwise. */
  placeId?: string;
  reloadKey: number;
  /** Offered when the caller records paper pledges: opens the form for that household. */
  onRecord?: (h: { householdId: string; address: string }) => void;
}

/** Active households without a standing pledge, in register order, for door-to-door follow-up. */
export function UnreachedList({ covenantId, placeId, reloadKey, onRecord }: Props) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const query = { placeId, limit: PAGE, offset: (page - 1) * PAGE };
  const list = usePaged<UnreachedHousehold>(JSON.stringify({ covenantId, query, reloadKey }), (signal) => pledgesApi.unreached(covenantId, query, signal));
  return (
    <Card size="small" title={t('covenantPledges.unreached.title', { count: list.total })}>
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <Table<UnreachedHousehold>
        rowKey="householdId"
        size="small"
        aria-label={t('covenantPledges.unreached.table')}
        loading={list.loading}
        scroll={{ x: 620 }}
        dataSource={list.items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('covenantPledges.unreached.none')} /> }}
        pagination={{ current: page, pageSize: PAGE, total: list.total, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          { key: 'address', title: t('covenantPledges.unreached.address'), render: (_: unknown, r) => r.address },
          { key: 'householder', title: t('covenantPledges.unreached.householder'), width: 100, render: (_: unknown, r) => r.householderName ?? '—' },
          { key: 'grid', title: t('covenantPledges.unreached.grid'), width: 120, render: (_: unknown, r) => r.gridName ?? '—' },
          ...(onRecord
            ? [
                {
                  key: 'record',
                  title: '',
                  width: 140,
                  render: (_: unknown, r: UnreachedHousehold) => (
                    <Button size="small" onClick={() => onRecord({ householdId: r.householdId, address: r.address })}>
                      {t('covenantPledges.unreached.record')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

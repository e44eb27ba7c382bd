import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Space, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { disclosureCategoryLabels, disclosureChannelLabels, disclosureEditorRoles, disclosureFrequencyLabels, periodLabel, type DisclosureItemView, type OverdueRow } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { LinkButton } from '../../console/link-button.js';
import { hasRole } from '../../console/module-access.js';
import { useLabel } from '../../i18n/labels.js';
import { useSession } from '../session/session-context.js';
import { disclosureApi } from './disclosure-api.js';
import { DueTag } from './due-tag.js';
import { ItemForm } from './item-form.js';

/** 公开目录 (`/console/disclosure`): the overdue list first, then the catalogue with each item's due status. */
export default function CataloguePage() {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const { me } = useSession();
  const editor = hasRole(me, disclosureEditorRoles);
  const [showRetired, setShowRetired] = useState(false);
  const [editing, setEditing] = useState<DisclosureItemView | null | 'new'>(null);
  const items = useLoaded(`items:${showRetired}`, (signal) => disclosureApi.items(showRetired, signal));
  const overdue = useLoaded('overdue', (signal) => disclosureApi.overdue(signal));
  const locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const reload = () => {
    items.reload();
    overdue.reload();
  };

  const run = async (work: () => Promise<unknown>, done?: string) => {
    try {
      await work();
      if (done) message.success(done);
      reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const loadDefaults = () =>
    run(async () => {
      const r = await disclosureApi.loadDefaults();
      message.success(r.added > 0 ? t('disclosure.catalogue.loaded', { count: r.added }) : t('disclosure.catalogue.loadedNone'));
    });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('disclosure.overdue.title')}>
        {overdue.error ? <Alert type="error" showIcon title={errorText(overdue.error)} /> : null}
        <Table<OverdueRow>
          rowKey={(r) => `${r.itemId}:${r.period}`}
          size="small"
          aria-label={t('disclosure.overdue.table')}
          loading={overdue.loading}
          dataSource={overdue.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description={t('disclosure.overdue.none')} /> }}
          columns={[
            { key: 'title', title: t('disclosure.catalogue.item'), dataIndex: 'title' },
            { key: 'category', title: t('disclosure.catalogue.category'), width: 130, responsive: ['md'], render: (_: unknown, r) => label(disclosureCategoryLabels[r.category]) },
            { key: 'period', title: t('disclosure.overdue.period'), width: 150, render: (_: unknown, r) => periodLabel(r.period, locale) },
            { key: 'dueOn', title: t('disclosure.overdue.dueOn'), width: 120, responsive: ['sm'], dataIndex: 'dueOn' },
            { key: 'days', title: t('disclosure.overdue.days'), width: 100, render: (_: unknown, r) => <Tag color="red">{t('disclosure.overdue.daysValue', { count: r.daysOverdue })}</Tag> },
            { key: 'owner', title: t('disclosure.catalogue.owner'), width: 110, render: (_: unknown, r) => r.ownerName ?? t('disclosure.catalogue.noOwner') },
            ...(editor
              ? [
                  {
                    key: 'write',
                    title: '',
                    width: 110,
                    render: (_: unknown, r: OverdueRow) => (
                      <LinkButton size="small" to={`/console/publications/new?itemId=${r.itemId}&period=${r.period}`}>
                        {t('disclosure.overdue.write')}
                      </LinkButton>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card
        title={t('disclosure.catalogue.pageTitle')}
        extra={
          editor && (
            <Space wrap>
              <Button onClick={loadDefaults}>{t('disclosure.catalogue.loadDefaults')}</Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t('disclosure.catalogue.add')}
              </Button>
            </Space>
          )
        }
      >
        <Space style={{ marginBottom: 12 }}>
          <Switch checked={showRetired} onChange={setShowRetired} aria-label={t('disclosure.catalogue.showRetired')} />
          <Typography.Text>{t('disclosure.catalogue.showRetired')}</Typography.Text>
        </Space>
        {items.error ? <Alert type="error" showIcon title={errorText(items.error)} /> : null}
        <Table<DisclosureItemView>
          rowKey="id"
          size="middle"
          aria-label={t('disclosure.catalogue.table')}
          loading={items.loading}
          dataSource={items.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description={t('disclosure.catalogue.empty')} /> }}
          columns={[
            { key: 'category', title: t('disclosure.catalogue.category'), width: 120, render: (_: unknown, r) => label(disclosureCategoryLabels[r.category]) },
            {
              key: 'title',
              title: t('disclosure.catalogue.item'),
              render: (_: unknown, r) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Text strong delete={r.retiredAt !== null}>
                    {r.title}
                  </Typography.Text>
                  <Typography.Text type="secondary">{r.content}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.legalBasis}
                  </Typography.Text>
                </Space>
              ),
            },
            { key: 'frequency', title: t('disclosure.catalogue.frequency'), width: 90, render: (_: unknown, r) => label(disclosureFrequencyLabels[r.frequency]) },
            { key: 'channels', title: t('disclosure.catalogue.channels'), width: 150, responsive: ['lg'], render: (_: unknown, r) => r.channels.map((c) => label(disclosureChannelLabels[c])).join('、') },
            { key: 'owner', title: t('disclosure.catalogue.owner'), width: 100, responsive: ['md'], render: (_: unknown, r) => r.ownerName ?? t('disclosure.catalogue.noOwner') },
            { key: 'due', title: t('disclosure.catalogue.due'), width: 200, render: (_: unknown, r) => (r.retiredAt ? <Tag>{t('disclosure.catalogue.retired')}</Tag> : <DueTag due={r.due} />) },
            ...(editor
              ? [
                  {
                    key: 'actions',
                    title: '',
                    width: 130,
                    render: (_: unknown, r: DisclosureItemView) =>
                      r.retiredAt ? (
                        <Button size="small" onClick={() => run(() => disclosureApi.restore(r.id))}>
                          {t('disclosure.catalogue.restore')}
                        </Button>
                      ) : (
                        <Space size={4}>
                          <Button size="small" onClick={() => setEditing(r)}>
                            {t('disclosure.catalogue.edit')}
                          </Button>
                          <Button size="small" danger onClick={() => run(() => disclosureApi.retire(r.id))}>
                            {t('disclosure.catalogue.retire')}
                          </Button>
                        </Space>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <ItemForm
        open={editing !== null}
        item={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          reload();
        }}
      />
    </Space>
  );
}

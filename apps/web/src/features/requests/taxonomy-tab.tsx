import { useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { urgencies, urgencyLabels, type CategoryView, type Urgency } from '@gongzhi/shared';
import { errorText, formFieldErrors } from '../../api/error-text.js';
import { labelOptions, useLabel } from '../../i18n/labels.js';
import { UrgencyTag } from './request-bits.js';
import { requestAdminApi } from './requests-api.js';
import { useModalForm } from './use-modal-form.js';
import { useCategories } from './use-request-meta.js';

interface Values {
  code: string;
  nameZh: string;
  nameEn: string;
  description?: string;
  urgency: Urgency;
  sortOrder?: number;
}

/** Add or edit one category; the code is fixed once created (training labels and Open311 use it). */
function CategoryModal({ editing, onClose }: { editing: CategoryView | 'new' | null; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const isNew = editing === 'new';
  const { form, busy, error, close, submit } = useModalForm<Values, boolean>(
    async (v) => {
      const fields = { nameZh: v.nameZh.trim(), nameEn: v.nameEn.trim(), description: v.description?.trim() || null, urgency: v.urgency, sortOrder: v.sortOrder ?? undefined };
      if (isNew) await requestAdminApi.createCategory({ code: v.code.trim(), ...fields });
      else if (editing) await requestAdminApi.updateCategory(editing.id, fields);
      return true;
    },
    (saved) => onClose(saved ?? false),
    (e) => formFieldErrors(e, (n) => ['code', 'nameZh', 'nameEn', 'description', 'urgency', 'sortOrder'].includes(String(n[0]))),
  );
  const initial = editing && editing !== 'new' ? { ...editing, description: editing.description ?? undefined } : { urgency: 'general' as const };
  const required = { required: true, whitespace: true, message: t('validation.required') };
  return (
    <Modal
      open={editing !== null}
      title={isNew ? t('requests.settings.taxonomy.add') : t('requests.settings.taxonomy.edit')}
      okText={t('actions.save')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={() => close()}
      destroyOnHidden
    >
      <Form<Values> name="category" form={form} layout="vertical" onFinish={submit} initialValues={initial}>
        <Form.Item
          name="code"
          label={t('requests.settings.taxonomy.code')}
          extra={t('requests.settings.taxonomy.codeHint')}
          rules={[required, { pattern: /^[a-z][a-z0-9_]{1,40}$/, message: t('requests.settings.taxonomy.codeRule') }]}
        >
          <Input disabled={!isNew} className="gz-mono" />
        </Form.Item>
        <Form.Item name="nameZh" label={t('requests.settings.taxonomy.nameZh')} rules={[required, { max: 30, message: t('validation.tooLong') }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('requests.settings.taxonomy.nameEn')} rules={[required, { max: 60, message: t('validation.tooLong') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="description" label={t('requests.settings.taxonomy.description')} rules={[{ max: 500, message: t('validation.tooLong') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Space wrap size="middle">
          <Form.Item name="urgency" label={t('requests.settings.taxonomy.urgency')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select<Urgency> options={labelOptions(urgencies, urgencyLabels, label)} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('requests.settings.taxonomy.sortOrder')}>
            <InputNumber min={0} max={10_000} precision={0} />
          </Form.Item>
        </Space>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}

/** 分类: the community's taxonomy, in its order; retiring keeps old requests' category readable. */
export function TaxonomyTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [showRetired, setShowRetired] = useState(false);
  const categories = useCategories(showRetired);
  const [editing, setEditing] = useState<CategoryView | 'new' | null>(null);

  const retire = async (c: CategoryView) => {
    try {
      await requestAdminApi.retireCategory(c.id);
      message.success(t('requests.settings.taxonomy.retired', { name: c.nameZh }));
      categories.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('requests.settings.taxonomy.add')}
        </Button>
        <Checkbox checked={showRetired} onChange={(e) => setShowRetired(e.target.checked)}>
          {t('requests.settings.taxonomy.showRetired')}
        </Checkbox>
      </Space>
      {categories.error ? <Alert type="error" showIcon title={errorText(categories.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<CategoryView>
        rowKey="id"
        size="small"
        loading={categories.loading}
        dataSource={[...categories.items].sort((a, b) => a.sortOrder - b.sortOrder)}
        pagination={false}
        scroll={{ x: 800 }}
        rowClassName={(c) => (c.retired ? 'gz-retired' : '')}
        columns={[
          { key: 'sortOrder', width: 70, title: t('requests.settings.taxonomy.sortOrder'), dataIndex: 'sortOrder' },
          { key: 'code', width: 200, title: t('requests.settings.taxonomy.code'), dataIndex: 'code', className: 'gz-mono' },
          { key: 'nameZh', width: 140, title: t('requests.settings.taxonomy.nameZh'), dataIndex: 'nameZh' },
          { key: 'nameEn', title: t('requests.settings.taxonomy.nameEn'), dataIndex: 'nameEn' },
          { key: 'urgency', width: 110, title: t('requests.settings.taxonomy.urgency'), dataIndex: 'urgency', render: (u: Urgency) => <UrgencyTag urgency={u} /> },
          {
            key: 'actions',
            width: 200,
            title: t('requests.settings.actions'),
            render: (_: unknown, c) =>
              c.retired ? (
                <Tag>{t('requests.settings.taxonomy.retiredTag')}</Tag>
              ) : (
                <Space>
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(c)} aria-label={t('requests.settings.taxonomy.editFor', { name: c.nameZh })}>
                    {t('requests.settings.taxonomy.edit')}
                  </Button>
                  <Popconfirm title={t('requests.settings.taxonomy.retireConfirm', { name: c.nameZh })} okText={t('requests.settings.taxonomy.retire')} cancelText={t('actions.cancel')} onConfirm={() => retire(c)}>
                    <Button size="small" danger icon={<StopOutlined />}>
                      {t('requests.settings.taxonomy.retire')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <CategoryModal
        editing={editing}
        onClose={(saved) => {
          setEditing(null);
          if (saved) {
            message.success(t('registers.form.saved'));
            categories.reload();
          }
        }}
      />
    </>
  );
}

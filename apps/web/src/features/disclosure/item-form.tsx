import { useEffect, useState } from 'react';
import { App, Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_DISCLOSURE_DUE_DAYS,
  disclosureCategories,
  disclosureCategoryLabels,
  disclosureChannelLabels,
  disclosureChannels,
  disclosureFrequencies,
  disclosureFrequencyLabels,
  type DisclosureItemView,
} from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { labelOptions, useLabel } from '../../i18n/labels.js';
import { disclosureApi, type ItemInput } from './disclosure-api.js';

/** Add or edit a catalogue item (a modal form in the console; the change is audited on the server). */
export function ItemForm({ item, open, onClose, onSaved }: { item: DisclosureItemView | null; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const [form] = Form.useForm<ItemInput>();
  const [owners, setOwners] = useState<{ value: string; label: string }[]>([]);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(
      item
        ? { category: item.category, title: item.title, content: item.content, legalBasis: item.legalBasis, frequency: item.frequency, channels: item.channels, ownerUserId: item.ownerUserId, dueDays: item.dueDays }
        : { category: 'finance', frequency: 'quarterly', channels: ['portal', 'notice_board'], dueDays: DEFAULT_DISCLOSURE_DUE_DAYS, ownerUserId: null },
    );
    disclosureApi.owners().then(
      (r) => setOwners(r.items.map((o) => ({ value: o.userId, label: o.displayName }))),
      () => setOwners([]),
    );
  }, [open, item, form]);

  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      if (item) await disclosureApi.patchItem(item.id, values);
      else await disclosureApi.createItem(values);
      message.success(t('disclosure.catalogue.saved'));
      onSaved();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t(item ? 'disclosure.catalogue.formTitleEdit' : 'disclosure.catalogue.formTitleNew')}
      okText={t('disclosure.catalogue.save')}
      cancelText={t('disclosure.catalogue.cancel')}
      confirmLoading={saving}
      onOk={save}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="category" label={t('disclosure.catalogue.category')} rules={[{ required: true }]}>
          <Select options={labelOptions(disclosureCategories, disclosureCategoryLabels, label)} />
        </Form.Item>
        <Form.Item name="title" label={t('disclosure.catalogue.item')} rules={[{ required: true, max: 120 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="content" label={t('disclosure.catalogue.content')} rules={[{ required: true, max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item name="legalBasis" label={t('disclosure.catalogue.legalBasis')} rules={[{ required: true, max: 500 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="frequency" label={t('disclosure.catalogue.frequency')} rules={[{ required: true }]}>
          <Select options={labelOptions(disclosureFrequencies, disclosureFrequencyLabels, label)} />
        </Form.Item>
        <Form.Item name="channels" label={t('disclosure.catalogue.channels')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Checkbox.Group options={labelOptions(disclosureChannels, disclosureChannelLabels, label)} />
        </Form.Item>
        <Form.Item name="ownerUserId" label={t('disclosure.catalogue.owner')}>
          <Select allowClear options={owners} placeholder={t('disclosure.catalogue.noOwner')} />
        </Form.Item>
        <Form.Item name="dueDays" label={t('disclosure.catalogue.dueDays')}>
          <InputNumber min={0} max={90} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

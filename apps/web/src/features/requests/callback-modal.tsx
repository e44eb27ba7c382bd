import { Alert, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ratingLabels, ratings, type CallbackView, type Rating } from '@gongzhi/shared';
import { labelOptions, useLabel } from '../../i18n/labels.js';
import { callbacksApi } from './requests-api.js';
import { useModalForm } from './use-modal-form.js';

interface Values {
  reached: boolean;
  rating?: Rating;
  resolved?: boolean;
  note?: string;
}

/**
 * 完成回访: did we reach the resident, and if so how do they rate the answer and is it solved. The rating
 * counts as the resident's own; dissatisfied reopens the request.
 */
export function CallbackModal({ callback, onClose }: { callback: CallbackView | null; onClose: (done?: boolean) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { form, busy, error, close, submit } = useModalForm<Values, boolean>(async (v) => {
    const note = v.note?.trim() || undefined;
    await callbacksApi.complete(callback!.id, v.reached ? { reached: true, rating: v.rating, resolved: v.resolved, note } : { reached: false, note });
    return true;
  }, onClose);
  const reached = Form.useWatch('reached', form);
  const rating = Form.useWatch('rating', form);

  const required = { required: true, message: t('validation.required') };
  return (
    <Modal
      open={callback !== null}
      title={t('requests.callback.title', { number: callback?.requestNumber ?? '' })}
      okText={t('requests.callback.submit')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={() => close()}
      destroyOnHidden
    >
      {callback && <Typography.Paragraph strong>{callback.requestTitle}</Typography.Paragraph>}
      <Form<Values> name="request-callback" form={form} layout="vertical" onFinish={submit} initialValues={{ reached: true }}>
        <Form.Item name="reached" label={t('requests.callback.reached')} rules={[required]}>
          <Radio.Group
            options={[
              { value: true, label: t('requests.callback.reachedYes') },
              { value: false, label: t('requests.callback.reachedNo') },
            ]}
          />
        </Form.Item>
        {reached && (
          <Space wrap size="large">
            <Form.Item name="rating" label={t('requests.fields.rating')} rules={[required]}>
              <Radio.Group optionType="button" options={labelOptions(ratings, ratingLabels, label)} />
            </Form.Item>
            <Form.Item name="resolved" label={t('requests.callback.resolved')} rules={[required]}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: true, label: t('requests.callback.resolvedYes') },
                  { value: false, label: t('requests.callback.resolvedNo') },
                ]}
              />
            </Form.Item>
          </Space>
        )}
        <Form.Item
          name="note"
          label={t('requests.callback.note')}
          rules={[{ required: reached && rating === 'dissatisfied', whitespace: true, message: t('requests.callback.commentNeeded') }, { max: 1000, message: t('validation.tooLong') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        {reached && rating === 'dissatisfied' && <Alert type="warning" showIcon title={t('requests.callback.reopens')} style={{ marginBottom: 8 }} />}
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}

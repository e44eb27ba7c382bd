import { Alert, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { commentHandlingLabels, commentHandlings, type CommentHandling, type HandlingBody, type VersionSummary } from '@gongzhi/shared';
import { useLabel } from '../../i18n/labels.js';
import { useModalForm } from '../requests/use-modal-form.js';

interface Values {
  handling: CommentHandling;
  reason: string;
  versionId?: string;
}

interface Props {
  /** The text being answered, quoted at the top; null closes the modal. */
  subject: { text: string; handling: CommentHandling | null; reason: string | null } | null;
  /** Versions the answer may point at (comments); left out for opinions, which precede the text. */
  versions?: VersionSummary[];
  currentVersionId?: string | null;
  save: (body: HandlingBody) => Promise<unknown>;
  onClose: (saved: boolean) => void;
}

/** How an opinion or a comment was handled: adopted, partly or not, always with a reason residents will read. */
export function HandlingModal({ subject, versions, currentVersionId, save, onClose }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const { form, busy, error, close, submit } = useModalForm<Values, true>(
    async (v) => {
      await save({ handling: v.handling, reason: v.reason.trim(), versionId: v.versionId });
      return true;
    },
    (saved) => onClose(saved === true),
  );

  return (
    <Modal
      open={subject !== null}
      title={t('covenant.handling.title')}
      okText={t('covenant.handling.ok')}
      cancelText={t('covenant.common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => close()}
      destroyOnHidden
    >
      {subject && (
        <Typography.Paragraph className="gz-cov-quote" ellipsis={{ rows: 4, expandable: true }}>
          {subject.text}
        </Typography.Paragraph>
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        initialValues={{
          handling: subject?.handling ?? 'adopted',
          reason: subject?.reason ?? '',
          versionId: versions ? (currentVersionId ?? undefined) : undefined,
        }}
      >
        <Form.Item name="handling" label={t('covenant.handling.handling')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={commentHandlings.map((h) => ({ value: h, label: label(commentHandlingLabels[h]) }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('covenant.handling.reason')}
          rules={[{ required: true, whitespace: true, min: 2, max: 1000, message: t('covenant.handling.reasonRule') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('covenant.handling.reasonPlaceholder')} />
        </Form.Item>
        {versions && versions.length > 0 && (
          <Form.Item name="versionId" label={t('covenant.handling.version')}>
            <Select
              options={versions.map((v) => ({ value: v.id, label: t('covenant.versions.numbered', { number: v.number }) }))}
            />
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

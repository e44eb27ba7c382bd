import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, ConfigProvider, Form, Space, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props<V extends object> {
  title: string;
  form: FormInstance<V>;
  initialValues: Partial<V>;
  busy: boolean;
  /** The server's refusal, shown above the buttons. */
  error: string | null;
  submitText: string;
  onFinish: (values: V) => void;
  /** Editing: a way back to the record unchanged. */
  onCancel?: () => void;
  children: ReactNode;
}

/**
 * A form on the page itself rather than in a pop-up: one column, large controls, the buttons at the foot. It
 * works on a phone held at the door and in elder mode, for recording a visit and for changing a plan or a visit.
 */
export function FormCard<V extends object>({ title, form, initialValues, busy, error, submitText, onFinish, onCancel, children }: Props<V>) {
  const { t } = useTranslation();
  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{title}</Typography.Title>}>
      <ConfigProvider componentSize="large">
        <Form<V> form={form} layout="vertical" requiredMark={false} initialValues={initialValues} onFinish={onFinish}>
          {children}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Space orientation="vertical" size="small" style={{ width: '100%' }}>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {submitText}
            </Button>
            {onCancel && (
              <Button block onClick={onCancel} disabled={busy}>
                {t('actions.cancel')}
              </Button>
            )}
          </Space>
        </Form>
      </ConfigProvider>
    </Card>
  );
}

/**
 * Editing a record in place of its page: `start()` opens the form, `done(saved)` closes it and, when saved, puts
 * the server's answer on the page (`set`) and says so.
 */
export function useInlineEdit<T>(set: (record: T) => void, savedText: string) {
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  return {
    editing,
    start: () => setEditing(true),
    done: (saved?: T) => {
      setEditing(false);
      if (saved === undefined) return;
      set(saved);
      message.success(savedText);
    },
  };
}

import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { childKindOf, placeKinds, type PlaceKind, type PlaceView } from '@gongzhi/shared';
import { errorText, formFieldErrors } from '../../api/error-text.js';
import { PlacePicker } from './place-picker.js';
import type { PlaceRights } from './place-permissions.js';
import { placesApi } from './places-api.js';

type Action = 'add' | 'rename' | 'move' | 'retire';
interface Values {
  name?: string;
  parentId?: string;
  reason?: string;
}

interface Props {
  place: PlaceView;
  rights: PlaceRights;
  /** Called after a change, with the place to show next (the new child after an add). */
  onChanged: (nextId: string) => void;
}

const parentKindOf = (kind: PlaceKind): PlaceKind | null => placeKinds[placeKinds.indexOf(kind) - 1] ?? null;

/** Add a child, rename, move, retire and restore, each through a small form. */
export function PlaceActions({ place, rights, onChanged }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [action, setAction] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const childKind = childKindOf(place.kind);
  const parentKind = parentKindOf(place.kind);
  const retired = place.retiredAt !== null;

  const open = (a: Action) => {
    setFormError(null);
    setAction(a);
  };

  const submit = async (v: Values) => {
    setBusy(true);
    setFormError(null);
    try {
      let nextId = place.id;
      if (action === 'add' && childKind) nextId = (await placesApi.create({ kind: childKind, name: v.name!, parentId: place.id })).id;
      if (action === 'rename') await placesApi.rename(place.id, v.name!);
      if (action === 'move') await placesApi.move(place.id, v.parentId!);
      if (action === 'retire') await placesApi.retire(place.id, v.reason?.trim() || undefined);
      message.success(
        t(`places.done.${action === 'add' ? 'created' : action === 'rename' ? 'renamed' : action === 'move' ? 'moved' : 'retired'}`),
      );
      setAction(null);
      onChanged(nextId);
    } catch (e) {
      const fields = formFieldErrors(e, (n) => ['name', 'parentId', 'reason'].includes(String(n[0])));
      form.setFields(fields);
      setFormError(fields.length ? null : errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const restore = () =>
    modal.confirm({
      title: t('places.forms.restoreTitle', { name: place.name }),
      okText: t('places.actions.restore'),
      cancelText: t('actions.cancel'),
      onOk: async () => {
        try {
          await placesApi.restore(place.id);
          message.success(t('places.done.restored'));
          onChanged(place.id);
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });

  const title =
    action === 'add' && childKind
      ? t('places.forms.addTitle', { parent: place.name, kind: t(`kinds.${childKind}`) })
      : action === 'rename'
        ? t('places.forms.renameTitle', { name: place.name })
        : action === 'move'
          ? t('places.forms.moveTitle', { name: place.name })
          : t('places.forms.retireTitle', { name: place.name });

  return (
    <>
      <Space wrap>
        {rights.add && childKind && !retired && (
          <Button type="primary" onClick={() => open('add')}>
            {t('places.actions.addChild', { kind: t(`kinds.${childKind}`) })}
          </Button>
        )}
        {rights.change && !retired && <Button onClick={() => open('rename')}>{t('places.actions.rename')}</Button>}
        {rights.change && !retired && parentKind && <Button onClick={() => open('move')}>{t('places.actions.move')}</Button>}
        {rights.change && !retired && (
          <Button danger onClick={() => open('retire')}>
            {t('places.actions.retire')}
          </Button>
        )}
        {rights.change && retired && <Button onClick={restore}>{t('places.actions.restore')}</Button>}
      </Space>
      <Modal
        open={action !== null}
        title={title}
        okText={action === 'retire' ? t('places.actions.retire') : t('actions.save')}
        okButtonProps={{ danger: action === 'retire', loading: busy }}
        cancelText={t('actions.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setAction(null)}
        destroyOnHidden
      >
        <Form
          key={`${action}-${place.id}`}
          name="place-action"
          form={form}
          layout="vertical"
          onFinish={submit}
          requiredMark={false}
          initialValues={action === 'rename' ? { name: place.name } : {}}
        >
          {(action === 'add' || action === 'rename') && (
            <Form.Item
              name="name"
              label={t('places.forms.name')}
              rules={[
                { required: true, whitespace: true, message: t('validation.required') },
                { max: 100, message: t('validation.tooLong') },
              ]}
            >
              <Input autoFocus maxLength={100} />
            </Form.Item>
          )}
          {action === 'move' && parentKind && (
            <Form.Item
              name="parentId"
              label={t('places.forms.newParent', { kind: t(`kinds.${parentKind}`) })}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <PlacePicker kinds={[parentKind]} excludeId={place.id} />
            </Form.Item>
          )}
          {action === 'retire' && (
            <>
              <Typography.Paragraph type="secondary">{t('places.forms.retireHint')}</Typography.Paragraph>
              <Form.Item name="reason" label={t('places.forms.reason')} rules={[{ max: 200, message: t('validation.tooLong') }]}>
                <Input.TextArea rows={2} maxLength={200} />
              </Form.Item>
            </>
          )}
          {formError && (
            <Typography.Text type="danger" role="alert">
              {formError}
            </Typography.Text>
          )}
        </Form>
      </Modal>
    </>
  );
}

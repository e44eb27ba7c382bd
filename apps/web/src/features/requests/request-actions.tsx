import { useState } from 'react';
import { Button, Popconfirm, Space } from 'antd';
import {
  CheckOutlined,
  CloseCircleOutlined,
  CommentOutlined,
  MergeCellsOutlined,
  RollbackOutlined,
  SendOutlined,
  TagOutlined,
  ThunderboltOutlined,
  ToolOutlined,
  UndoOutlined,
  ExclamationCircleOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '@gongzhi/shared';
import { ActionModal, type ActionModalConfig, type ActionValues } from './action-modal.js';
import { DispatchModal } from './dispatch-modal.js';
import { ClassifyModal, MergeModal, UrgencyModal } from './pick-modals.js';
import { requestsApi } from './requests-api.js';
import { useShowError } from './use-request-action.js';

/** The modal open on a request page; the suggestions panel opens dispatch with the suggested handler. */
export type OpenModal =
  | { kind: 'dispatch'; initial: string[] }
  | { kind: 'classify' | 'urgency' | 'merge' | 'return' | 'note' | 'reply' | 'selfResolve' | 'withdraw' | 'close' };

type Run = (action: () => Promise<unknown>, doneText: string) => Promise<void>;

/** Exactly the buttons the server's `can` allows; the server checks again on each. */
export function RequestActions({ d, run, onOpen }: { d: RequestDetail; run: Run; onOpen: (m: OpenModal) => void }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [accepting, setAccepting] = useState(false);
  const can = d.can;
  if (!Object.entries(can).some(([k, v]) => v && k !== 'revealPhone' && k !== 'rate' && k !== 'object')) return null;
  const accept = async () => {
    setAccepting(true);
    await run(() => requestsApi.accept(d.id), t('requests.actions.accepted')).catch(showError);
    setAccepting(false);
  };
  return (
    <Space wrap>
      {can.dispatch && (
        <Button type="primary" icon={<SendOutlined />} onClick={() => onOpen({ kind: 'dispatch', initial: [] })}>
          {t('requests.actions.dispatch')}
        </Button>
      )}
      {can.accept && (
        <Button type="primary" icon={<CheckOutlined />} loading={accepting} onClick={accept}>
          {t('requests.actions.accept')}
        </Button>
      )}
      {can.reply && (
        <Button type="primary" icon={<CommentOutlined />} onClick={() => onOpen({ kind: 'reply' })}>
          {t('requests.actions.reply')}
        </Button>
      )}
      {can.selfResolve && (
        <Button icon={<ThunderboltOutlined />} onClick={() => onOpen({ kind: 'selfResolve' })}>
          {t('requests.actions.selfResolve')}
        </Button>
      )}
      {can.note && (
        <Button icon={<ToolOutlined />} onClick={() => onOpen({ kind: 'note' })}>
          {t('requests.actions.note')}
        </Button>
      )}
      {can.classify && (
        <Button icon={<TagOutlined />} onClick={() => onOpen({ kind: 'classify' })}>
          {t('requests.actions.classify')}
        </Button>
      )}
      {can.urgency && (
        <Button icon={<ExclamationCircleOutlined />} onClick={() => onOpen({ kind: 'urgency' })}>
          {t('requests.actions.urgency')}
        </Button>
      )}
      {can.return && (
        <Button icon={<RollbackOutlined />} onClick={() => onOpen({ kind: 'return' })}>
          {t('requests.actions.return')}
        </Button>
      )}
      {can.merge && (
        <Button icon={<MergeCellsOutlined />} onClick={() => onOpen({ kind: 'merge' })}>
          {t('requests.actions.merge')}
        </Button>
      )}
      {can.withdraw && (
        <Button icon={<UndoOutlined />} onClick={() => onOpen({ kind: 'withdraw' })}>
          {t('requests.actions.withdraw')}
        </Button>
      )}
      {can.close && (
        <Button icon={<CloseCircleOutlined />} onClick={() => onOpen({ kind: 'close' })}>
          {t('requests.actions.close')}
        </Button>
      )}
    </Space>
  );
}

/** The modals behind the buttons. */
export function RequestModals({ d, modal, run, onClose }: { d: RequestDetail; modal: OpenModal | null; run: Run; onClose: () => void }) {
  const { t } = useTranslation();
  const kind = modal?.kind ?? null;
  const ids = (v: ActionValues) => v.photos.map((p) => p.id);

  const forms: Partial<Record<OpenModal['kind'], { config: ActionModalConfig; submit: (v: ActionValues) => Promise<void> }>> = {
    return: {
      config: { title: t('requests.actions.return'), okText: t('requests.actions.return'), danger: true, hint: t('requests.actions.returnHint'), text: { label: t('requests.actions.reason'), min: 4, max: 500, required: true } },
      submit: (v) => run(() => requestsApi.return(d.id, v.text!), t('requests.actions.returned')),
    },
    note: {
      config: { title: t('requests.actions.note'), okText: t('actions.save'), text: { label: t('requests.actions.noteText'), min: 1, max: 2000, required: true }, publicChoice: true, photos: true },
      submit: (v) => run(() => requestsApi.note(d.id, { message: v.text!, public: v.public, photoIds: ids(v) }), t('requests.actions.noted')),
    },
    reply: {
      config: { title: t('requests.actions.reply'), okText: t('requests.actions.sendReply'), hint: t('requests.actions.replyHint'), text: { label: t('requests.actions.replyText'), min: 4, max: 4000, required: true }, photos: true },
      submit: (v) => run(() => requestsApi.reply(d.id, { text: v.text!, photoIds: ids(v) }), t('requests.actions.replied')),
    },
    selfResolve: {
      config: { title: t('requests.actions.selfResolve'), okText: t('requests.actions.selfResolve'), hint: t('requests.actions.selfResolveHint'), text: { label: t('requests.actions.selfResolveText'), min: 4, max: 4000, required: true }, photos: true },
      submit: (v) => run(() => requestsApi.selfResolve(d.id, { text: v.text!, photoIds: ids(v) }), t('requests.actions.selfResolved')),
    },
    withdraw: {
      config: { title: t('requests.actions.withdraw'), okText: t('requests.actions.withdraw'), danger: true, text: { label: t('requests.actions.reason'), min: 1, max: 500, required: false } },
      submit: (v) => run(() => requestsApi.withdraw(d.id, v.text), t('requests.actions.withdrawn')),
    },
    close: {
      config: { title: t('requests.actions.close'), okText: t('requests.actions.close'), hint: t('requests.actions.closeHint'), text: { label: t('requests.actions.closeNote'), min: 1, max: 500, required: false } },
      submit: (v) => run(() => requestsApi.close(d.id, v.text), t('requests.actions.closed')),
    },
  };
  const form = kind ? forms[kind] : undefined;

  return (
    <>
      <ActionModal config={form?.config ?? null} onSubmit={form?.submit ?? (async () => undefined)} onClose={onClose} />
      <DispatchModal
        open={kind === 'dispatch'}
        initial={modal?.kind === 'dispatch' ? modal.initial : []}
        onSubmit={(body) => run(() => requestsApi.dispatch(d.id, body), t('requests.actions.dispatched'))}
        onClose={onClose}
      />
      <ClassifyModal
        open={kind === 'classify'}
        current={d.categoryId}
        onSubmit={(categoryId) => run(() => requestsApi.classify(d.id, categoryId), t('requests.actions.classified'))}
        onClose={onClose}
      />
      <UrgencyModal
        open={kind === 'urgency'}
        current={d.urgency}
        onSubmit={(body) => run(() => requestsApi.urgency(d.id, body), t('requests.actions.urgencyChanged'))}
        onClose={onClose}
      />
      <MergeModal
        open={kind === 'merge'}
        requestId={d.id}
        onSubmit={(intoId) => run(() => requestsApi.merge(d.id, intoId), t('requests.actions.merged'))}
        onClose={onClose}
      />
    </>
  );
}

/** Merge into a suggested duplicate, after a confirmation. */
export function MergeIntoButton({ d, target, run }: { d: RequestDetail; target: { id: string; number: string }; run: Run }) {
  const { t } = useTranslation();
  const showError = useShowError();
  return (
    <Popconfirm
      title={t('requests.merge.confirm', { from: d.number, into: target.number })}
      okText={t('requests.merge.submit')}
      cancelText={t('actions.cancel')}
      onConfirm={() => run(() => requestsApi.merge(d.id, target.id), t('requests.actions.merged')).catch(showError)}
    >
      <Button size="small" icon={<MergeCellsOutlined />}>
        {t('requests.merge.into')}
      </Button>
    </Popconfirm>
  );
}

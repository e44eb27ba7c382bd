import { useCallback } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '@gongzhi/shared';
import { ApiError } from '../../api/api-error.js';
import { errorText } from '../../api/error-text.js';

const isDetail = (v: unknown): v is RequestDetail =>
  typeof v === 'object' && v !== null && 'steps' in v && 'can' in v && Array.isArray((v as RequestDetail).steps);

/**
 * Run one lifecycle action and show the request as it now stands. Someone else got there first (409
 * request_state_conflict): reload and say so, and count it as finished so the form closes. Any other refusal
 * is thrown for the form to show beside its fields.
 */
export function useRequestAction(set: (d: RequestDetail) => void, reload: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useCallback(
    async (action: () => Promise<unknown>, doneText: string): Promise<void> => {
      try {
        const result = await action();
        // The server answers with the request; when it answers with less, read it again.
        if (isDetail(result)) set(result);
        else reload();
        message.success(doneText);
      } catch (e) {
        if (e instanceof ApiError && e.code === 'request_state_conflict') {
          reload();
          message.warning(t('requests.detail.conflict', { reason: errorText(e) }));
          return;
        }
        throw e;
      }
    },
    [set, reload, message, t],
  );
}

/** For buttons without a form: show the refusal as a message. */
export function useShowError() {
  const { message } = App.useApp();
  return useCallback((e: unknown) => void message.error(errorText(e)), [message]);
}

import { useMemo } from 'react';
import { Form, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { VisitDetail } from '@gongzhi/shared';
import { useModalForm } from '../requests/use-modal-form.js';
import { FormCard } from './form-card.js';
import { whereText } from './records-list.js';
import { filledLines, LOCAL, VisitRecordFields, visitFieldErrors, type RecordValues } from './visit-record-fields.js';
import { visitsApi } from './visits-api.js';

/**
 * Correct one's own visit record within the day, in the same fields it was written with. Where it happened and
 * its plan stay; lines that became requests stay as they are.
 */
export function VisitEditCard({ visit, onDone }: { visit: VisitDetail; onDone: (saved?: VisitDetail) => void }) {
  const { t } = useTranslation();
  const initial = useMemo<RecordValues>(
    () => ({
      visitedAt: dayjs(visit.visitedAt).format(LOCAL),
      peopleMet: visit.peopleMet ?? '',
      summary: visit.summary ?? '',
      items: visit.items.map((i) => ({ id: i.id, text: i.text, requestNumber: i.requestNumber })),
    }),
    [visit],
  );
  const { form, busy, error, close, submit } = useModalForm<RecordValues, VisitDetail>(
    (v) =>
      visitsApi.update(visit.id, {
        // The field shows minutes only: an untouched time is not sent, so its seconds are not lost.
        visitedAt: v.visitedAt === initial.visitedAt ? undefined : dayjs(v.visitedAt, LOCAL).toISOString(),
        peopleMet: v.peopleMet?.trim() || null,
        summary: v.summary?.trim() || null,
        items: filledLines(v.items).map(({ id, text }) => (id ? { id, text } : { text })),
      }),
    onDone,
    visitFieldErrors,
  );

  return (
    <FormCard<RecordValues>
      title={t('visits.edit.title')}
      form={form}
      initialValues={initial}
      busy={busy}
      error={error}
      submitText={t('visits.edit.submit')}
      onFinish={(v) => void submit(v)}
      onCancel={() => close()}
    >
      <Form.Item label={t('visits.fields.where')}>
        <Typography.Text strong>{whereText(visit)}</Typography.Text>
      </Form.Item>
      <VisitRecordFields />
    </FormCard>
  );
}

import { Button, Form, Input, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formFieldErrors, type FieldErrors } from '../../api/error-text.js';

/** How the visit time is typed (`datetime-local`): minutes, the browser's time zone. */
export const LOCAL = 'YYYY-MM-DDTHH:mm';

/** One line heard at the visit; a line that became a request carries its number and is kept as it is. */
export interface ItemLine {
  id?: string;
  text: string;
  requestNumber?: string | null;
}

/** What a visit record says, the same whether it is being made or corrected. */
export interface RecordValues {
  visitedAt: string;
  peopleMet?: string;
  summary?: string;
  items: ItemLine[];
}

const known = new Set(['householdId', 'placeId', 'organisationId', 'planId', 'visitedAt', 'peopleMet', 'summary', 'items']);
/** The server's refusal beside the field it names. */
export const visitFieldErrors = (e: unknown): FieldErrors => formFieldErrors(e, (name) => known.has(String(name[0])));

/** The lines typed, trimmed, without the empty ones (an emptied line is a line removed). */
export const filledLines = (items: ItemLine[] | undefined): ItemLine[] =>
  (items ?? []).map((l) => ({ ...l, text: (l?.text ?? '').trim() })).filter((l) => l.text.length > 0);

/**
 * When, whom, what happened, and the lines heard, inside the caller's `<Form>`. Lines that already became
 * requests are shown but cannot be changed or removed (the server refuses that too).
 */
export function VisitRecordFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<RecordValues>();
  return (
    <>
      <Form.Item name="visitedAt" label={t('visits.fields.visitedAt')} rules={[{ required: true }]}>
        <Input type="datetime-local" max={dayjs().endOf('day').format(LOCAL)} aria-label={t('visits.fields.visitedAt')} />
      </Form.Item>
      <Form.Item name="peopleMet" label={t('visits.fields.peopleMet')} rules={[{ max: 200 }]}>
        <Input maxLength={200} placeholder={t('visits.record.peopleMetPlaceholder')} />
      </Form.Item>
      <Form.Item name="summary" label={t('visits.fields.summary')} rules={[{ max: 4000 }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} placeholder={t('visits.record.summaryPlaceholder')} />
      </Form.Item>
      <Typography.Text strong>{t('visits.fields.items')}</Typography.Text>
      <Typography.Paragraph type="secondary">{t('visits.record.itemsHint')}</Typography.Paragraph>
      <Form.List name="items">
        {(lines, { add, remove }) => (
          <>
            {lines.map((line, i) => {
              const request = form.getFieldValue(['items', line.name, 'requestNumber']) as string | null | undefined;
              return (
                <div key={line.key} className="gz-visit-item">
                  {/* The item's id rides along unseen: the form sends only the fields it holds, and the server keeps lines by id. */}
                  <Form.Item name={[line.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[line.name, 'text']}
                    rules={[{ min: 2, max: 2000, message: t('visits.record.itemLength') }]}
                    extra={request ? <Tag color="green">{t('visits.edit.converted', { number: request })}</Tag> : undefined}
                    style={{ flex: 1, marginBottom: 12 }}
                  >
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} disabled={!!request} aria-label={t('visits.record.itemLabel', { n: i + 1 })} />
                  </Form.Item>
                  {!request && <Button icon={<DeleteOutlined />} aria-label={t('visits.record.removeItem', { n: i + 1 })} onClick={() => remove(line.name)} />}
                </div>
              );
            })}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ text: '' })} style={{ marginBottom: 16 }}>
              {t('visits.record.addItem')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}

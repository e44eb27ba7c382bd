import { useEffect, useState } from 'react';
import { Button, DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  requestChannelLabels,
  requestChannels,
  requestKindLabels,
  requestKinds,
  urgencies,
  urgencyLabels,
  type CategoryView,
  type RequestChannel,
  type RequestKind,
  type Urgency,
} from '@gongzhi/shared';
import { labelOptions, useLabel } from '../../i18n/labels.js';
import { PlacePicker } from '../places/place-picker.js';
import type { RequestFilter } from './request-filter.js';

interface Props {
  filter: RequestFilter;
  categories: CategoryView[];
  /** Org representatives have no place tree to pick from. */
  showPlace: boolean;
  onChange: (next: Partial<RequestFilter>) => void;
  onClear: () => void;
}

const FORMAT = 'YYYY-MM-DD';

/** One search box (text or number) and the filters; each change starts again at page 1. */
export function RequestFilterBar({ filter, categories, showPlace, onChange, onClear }: Props) {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const english = i18n.language === 'en-US';
  const [search, setSearch] = useState(filter.q);
  useEffect(() => setSearch(filter.q), [filter.q]);
  const any = (text: string) => ({ value: '', label: text });

  return (
    <Space wrap style={{ width: '100%', marginBottom: 16 }}>
      <Input.Search
        aria-label={t('requests.queue.search')}
        placeholder={t('requests.queue.searchPlaceholder')}
        allowClear
        enterButton={t('actions.search')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onSearch={(v) => onChange({ q: v })}
        style={{ width: 320 }}
      />
      <Select<string>
        aria-label={t('requests.fields.category')}
        value={filter.categoryId ?? ''}
        onChange={(v) => onChange({ categoryId: v || undefined })}
        options={[any(t('requests.queue.anyCategory')), ...categories.map((c) => ({ value: c.id, label: english ? c.nameEn : c.nameZh }))]}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 150 }}
      />
      <Select<RequestKind | ''>
        aria-label={t('requests.fields.kind')}
        value={filter.kind ?? ''}
        onChange={(v) => onChange({ kind: v || undefined })}
        options={[any(t('requests.queue.anyKind')), ...labelOptions(requestKinds, requestKindLabels, label)]}
        style={{ width: 110 }}
      />
      <Select<RequestChannel | ''>
        aria-label={t('requests.fields.channel')}
        value={filter.channel ?? ''}
        onChange={(v) => onChange({ channel: v || undefined })}
        options={[any(t('requests.queue.anyChannel')), ...labelOptions(requestChannels, requestChannelLabels, label)]}
        style={{ width: 130 }}
      />
      <Select<Urgency | ''>
        aria-label={t('requests.fields.urgency')}
        value={filter.urgency ?? ''}
        onChange={(v) => onChange({ urgency: v || undefined })}
        options={[any(t('requests.queue.anyUrgency')), ...labelOptions(urgencies, urgencyLabels, label)]}
        style={{ width: 140 }}
      />
      {showPlace && (
        <div style={{ width: 220 }}>
          <PlacePicker
            key={filter.placeId ? 'place' : 'none'}
            kinds={['community', 'grid', 'estate', 'building', 'entrance', 'dwelling']}
            value={filter.placeId}
            onChange={(placeId) => onChange({ placeId })}
            aria-label={t('requests.fields.place')}
            placeholder={t('requests.fields.place')}
          />
        </div>
      )}
      <DatePicker.RangePicker
        aria-label={t('requests.queue.dates')}
        value={[filter.from ? dayjs(filter.from, FORMAT) : null, filter.to ? dayjs(filter.to, FORMAT) : null]}
        onChange={(range) => onChange({ from: range?.[0]?.format(FORMAT), to: range?.[1]?.format(FORMAT) })}
        format={FORMAT}
        allowEmpty={[true, true]}
        placeholder={[t('requests.queue.from'), t('requests.queue.to')]}
        style={{ width: 250 }}
      />
      <Button onClick={onClear}>{t('requests.queue.clearFilters')}</Button>
    </Space>
  );
}

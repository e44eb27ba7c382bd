import { useEffect, useState } from 'react';
import { Button, Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  residencyStatuses,
  residencyStatusLabels,
  residentStatuses,
  residentStatusLabels,
  residentTagInfo,
  residentTags,
  type ResidencyStatus,
  type ResidentStatus,
  type ResidentTag,
} from '@gongzhi/shared';
import { labelOptions, useLabel } from '../../i18n/labels.js';
import { PlacePicker } from '../places/place-picker.js';
import type { ResidentFilter } from './resident-filter.js';
import { parseSearch } from './search-terms.js';

interface Props {
  filter: ResidentFilter;
  onChange: (next: Partial<ResidentFilter>) => void;
  onClear: () => void;
}

/** One search box and four filters; each change starts again at page 1. */
export function ResidentFilterBar({ filter, onChange, onClear }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const [search, setSearch] = useState(filter.search);
  useEffect(() => setSearch(filter.search), [filter.search]);
  const understood = parseSearch(filter.search);

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%', marginBottom: 16 }}>
      <Space wrap>
        <Input.Search
          aria-label={t('registers.residents.search')}
          placeholder={t('registers.residents.searchPlaceholder')}
          allowClear
          enterButton={t('actions.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => onChange({ search: v })}
          style={{ width: 340 }}
        />
        <div style={{ width: 240 }}>
          <PlacePicker
            key={filter.placeId ? 'place' : 'none'}
            kinds={['community', 'grid', 'estate', 'building', 'entrance', 'dwelling']}
            value={filter.placeId}
            onChange={(placeId) => onChange({ placeId })}
            aria-label={t('registers.residents.place')}
            placeholder={t('registers.residents.place')}
          />
        </div>
        <Select<ResidentTag | ''>
          aria-label={t('registers.residents.tag')}
          value={filter.tag ?? ''}
          onChange={(v) => onChange({ tag: v || undefined })}
          options={[{ value: '', label: t('registers.residents.anyTag') }, ...residentTags.map((v) => ({ value: v, label: label(residentTagInfo[v]) }))]}
          style={{ width: 150 }}
        />
        <Select<ResidentStatus>
          aria-label={t('registers.residents.status')}
          value={filter.status}
          onChange={(status) => onChange({ status })}
          options={labelOptions(residentStatuses, residentStatusLabels, label)}
          style={{ width: 110 }}
        />
        <Select<ResidencyStatus | ''>
          aria-label={t('registers.residents.residency')}
          value={filter.residency ?? ''}
          onChange={(v) => onChange({ residency: v || undefined })}
          options={[{ value: '', label: t('registers.residents.anyResidency') }, ...labelOptions(residencyStatuses, residencyStatusLabels, label)]}
          style={{ width: 140 }}
        />
        <Button onClick={onClear}>{t('registers.residents.clearFilters')}</Button>
      </Space>
      {understood.kind !== 'none' && (
        <Typography.Text type="secondary" role="status">
          {understood.kind === 'name'
            ? t('registers.residents.searchAs.name', { value: filter.search.trim() })
            : understood.kind === 'phoneTail'
              ? t('registers.residents.searchAs.phoneTail', { value: filter.search.replace(/\s+/g, '') })
              : t('registers.residents.searchAs.idNumber')}
        </Typography.Text>
      )}
    </Space>
  );
}

import { DatePicker, Segmented, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PlacePicker } from '../places/place-picker.js';
import { periodDates, periodPresets, thisMonth, todayCst, type PeriodChoice, type PeriodPreset } from './period.js';

interface Props {
  period: PeriodChoice;
  placeId?: string;
  onPeriod: (p: PeriodChoice) => void;
  onPlace: (placeId: string | undefined) => void;
}

/** The dashboard's filters: a period (last 7/30/90 days, a month, or two dates) and a place in the viewer's scope. */
export function PeriodFilter({ period, placeId, onPeriod, onPlace }: Props) {
  const { t } = useTranslation();
  const dates = periodDates(period);
  const future = (d: dayjs.Dayjs) => d.isAfter(dayjs(todayCst()), 'day');

  const pick = (preset: PeriodPreset) => {
    if (preset === 'month') onPeriod({ preset, month: thisMonth() });
    else if (preset === 'custom') onPeriod({ preset, from: dates.from, to: dates.to });
    else onPeriod({ preset });
  };

  return (
    <Space wrap size="middle" className="gz-analysis-filters">
      <Segmented<PeriodPreset>
        aria-label={t('analysis.filters.period')}
        value={period.preset}
        onChange={pick}
        options={periodPresets.map((p) => ({ value: p, label: t(`analysis.filters.presets.${p}`) }))}
      />
      {period.preset === 'month' && (
        <DatePicker
          picker="month"
          aria-label={t('analysis.filters.month')}
          allowClear={false}
          value={dayjs(`${period.month ?? thisMonth()}-01`)}
          disabledDate={future}
          onChange={(d) => d && onPeriod({ preset: 'month', month: d.format('YYYY-MM') })}
        />
      )}
      {period.preset === 'custom' && (
        <DatePicker.RangePicker
          aria-label={t('analysis.filters.range')}
          allowClear={false}
          value={[dayjs(dates.from), dayjs(dates.to)]}
          disabledDate={future}
          onChange={(r) => r?.[0] && r[1] && onPeriod({ preset: 'custom', from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') })}
        />
      )}
      <div style={{ minWidth: 220 }}>
        <PlacePicker
          kinds={['community', 'grid', 'estate', 'building']}
          value={placeId}
          onChange={onPlace}
          aria-label={t('analysis.filters.place')}
          placeholder={t('analysis.filters.placeAll')}
        />
      </div>
    </Space>
  );
}

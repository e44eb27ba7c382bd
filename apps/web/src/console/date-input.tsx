import { DatePicker } from 'antd';
import dayjs from 'dayjs';

const FORMAT = 'YYYY-MM-DD';

/** Today as the API writes dates (`YYYY-MM-DD`, the browser's calendar day). */
export const today = (): string => dayjs().format(FORMAT);

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  disabled?: boolean;
  placeholder?: string;
  'aria-label'?: string;
  /** Dates after today cannot be picked (births, moves that happened). */
  past?: boolean;
}

/**
 * A date field whose value is the API's `YYYY-MM-DD` text, so forms hold what they send. People can type
 * `2024-03-01` as in Excel or pick from the calendar.
 */
export function DateInput({ id, value, onChange, disabled, placeholder, past, ...rest }: Props) {
  return (
    <DatePicker
      id={id}
      aria-label={rest['aria-label']}
      value={value ? dayjs(value, FORMAT) : null}
      onChange={(d) => onChange?.(d ? d.format(FORMAT) : undefined)}
      format={FORMAT}
      disabled={disabled}
      placeholder={placeholder ?? FORMAT}
      disabledDate={past ? (d) => d.isAfter(dayjs(), 'day') : undefined}
      style={{ width: '100%' }}
    />
  );
}

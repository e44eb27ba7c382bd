import { requestKindLabels, requestKinds, type RequestKind } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../i18n/labels.js';
import { ChoiceGroup } from './choice-group.js';

/** Five large choices, each with one line saying when to pick it. */
export function KindPicker({
  value,
  onChange,
  labelledBy,
  error,
}: {
  value: RequestKind | null;
  onChange: (kind: RequestKind) => void;
  labelledBy: string;
  error: string | null;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <>
      <ChoiceGroup
        value={value}
        labelledBy={labelledBy}
        invalid={error !== null}
        onChange={onChange}
        options={requestKinds.map((k) => ({ value: k, label: label(requestKindLabels[k]), hint: t(`myRequests.kindHints.${k}`) }))}
      />
      {error && (
        <div className="gz-field-error" role="alert">
          {error}
        </div>
      )}
    </>
  );
}

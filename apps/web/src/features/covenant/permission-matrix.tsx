import { Checkbox } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  participantGroupLabels,
  participantGroups,
  processActionLabels,
  processActions,
  type ParticipantGroup,
  type PhasePermissions,
  type ProcessAction,
} from '@gongzhi/shared';
import { useLabel } from '../../i18n/labels.js';

interface Props {
  value?: PhasePermissions;
  onChange?: (value: PhasePermissions) => void;
  disabled?: boolean;
  /** Names the phase in each checkbox's accessible name, so a screen reader knows which matrix it is in. */
  phaseName: string;
}

/**
 * Who may do what in one phase: participant groups down, actions across. A form control (value / onChange), so
 * it sits in a Form.Item; the order of groups in a list carries no meaning, the server de-duplicates.
 */
export function PermissionMatrix({ value, onChange, disabled, phaseName }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const has = (action: ProcessAction, group: ParticipantGroup) => value?.[action].includes(group) ?? false;
  const toggle = (action: ProcessAction, group: ParticipantGroup, on: boolean) => {
    if (!value) return;
    const rest = value[action].filter((g) => g !== group);
    onChange?.({ ...value, [action]: on ? [...rest, group] : rest });
  };

  return (
    <div className="gz-cov-matrix-wrap">
      <table className="gz-cov-matrix" aria-label={t('covenant.phases.matrix', { phase: phaseName })}>
        <thead>
          <tr>
            <th scope="col">{t('covenant.phases.group')}</th>
            {processActions.map((a) => (
              <th key={a} scope="col">
                {label(processActionLabels[a])}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {participantGroups.map((g) => (
            <tr key={g}>
              <th scope="row">{label(participantGroupLabels[g])}</th>
              {processActions.map((a) => (
                <td key={a}>
                  <Checkbox
                    checked={has(a, g)}
                    disabled={disabled}
                    aria-label={`${phaseName} ${label(participantGroupLabels[g])} ${label(processActionLabels[a])}`}
                    onChange={(e) => toggle(a, g, e.target.checked)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

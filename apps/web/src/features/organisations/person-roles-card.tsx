import { Card, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { membershipRoleLabels, organisationKindLabels, partyMemberCategoryLabels, partyReportingLabels } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useResource } from '../../api/use-resource.js';
import { useLabel } from '../../i18n/labels.js';
import { organisationsApi } from './organisations-api.js';

/** Every post, party membership and account role a resident holds: one place to see what someone does. */
export function PersonRolesCard({ residentId }: { residentId: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { state } = useResource(residentId, organisationsApi.personRoles);

  let body;
  if (state.status === 'loading') body = <Spin />;
  else if (state.status !== 'ready') body = <Typography.Text type="danger">{state.status === 'failed' ? errorText(state.error) : t('states.failed')}</Typography.Text>;
  else {
    const { memberships, partyMember, accountRoles } = state.data;
    const empty = memberships.length === 0 && !partyMember && accountRoles.length === 0;
    body = empty ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('organisations.person.none')} />
    ) : (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {memberships.length > 0 && (
          <List
            size="small"
            header={<Typography.Text strong>{t('organisations.person.posts')}</Typography.Text>}
            dataSource={memberships}
            renderItem={(m) => (
              <List.Item>
                <Space wrap>
                  <Tag color="red">{label(membershipRoleLabels[m.role])}</Tag>
                  {m.organisationId ? <Link to={`/console/organisations/${m.organisationId}`}>{m.organisationName}</Link> : m.placeName}
                  {m.organisationKind && <Typography.Text type="secondary">{label(organisationKindLabels[m.organisationKind])}</Typography.Text>}
                  {m.organisationId && m.placeName && <span>{m.placeName}</span>}
                  {m.startOn && <Typography.Text type="secondary">{t('organisations.person.since', { date: m.startOn })}</Typography.Text>}
                  {m.grantedRole && <Tag>{t('organisations.person.grants', { role: t(`roles.${m.grantedRole}`) })}</Tag>}
                </Space>
              </List.Item>
            )}
          />
        )}
        {partyMember && (
          <div>
            <Typography.Text strong>{t('organisations.person.party')}</Typography.Text>
            <div>
              {partyMember.partyOrgName} · {label(partyMemberCategoryLabels[partyMember.category])} · {label(partyReportingLabels[partyMember.reporting])}
              {partyMember.employer ? ` · ${partyMember.employer}` : ''}
            </div>
          </div>
        )}
        {accountRoles.length > 0 && (
          <div>
            <Typography.Text strong>{t('organisations.person.account')}</Typography.Text>
            <div>
              <Space size={[4, 4]} wrap>
                {accountRoles.map((a) => (
                  <Tag key={`${a.role}-${a.placeId}`}>
                    {t(`roles.${a.role}`)} · {a.placeName}
                  </Tag>
                ))}
              </Space>
            </div>
          </div>
        )}
      </Space>
    );
  }
  return (
    <Card size="small" title={t('organisations.person.title')}>
      {body}
    </Card>
  );
}

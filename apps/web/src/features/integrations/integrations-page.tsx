import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { EndpointsPanel } from './endpoints-panel.js';
import { Open311Panel } from './open311-panel.js';
import './integrations.css';

/** 集成 (`/console/integrations`): where staff alerts go (robots, webhooks, mail) and Open311 keys for other systems. */
export default function IntegrationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'open311' ? 'open311' : 'endpoints';
  return (
    <Card title={t('integrations.title')}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'open311' ? { tab: k } : {}, { replace: true })}
        items={[
          { key: 'endpoints', label: t('integrations.tabs.endpoints'), children: <EndpointsPanel /> },
          { key: 'open311', label: t('integrations.tabs.open311'), children: <Open311Panel /> },
        ]}
      />
    </Card>
  );
}

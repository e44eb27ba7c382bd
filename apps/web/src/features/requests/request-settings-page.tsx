import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ClassifierTab } from './classifier-tab.js';
import { DeadlinesTab } from './deadlines-tab.js';
import { RoutingRulesTab } from './routing-rules-tab.js';
import { TaxonomyTab } from './taxonomy-tab.js';

const tabs = ['taxonomy', 'rules', 'deadlines', 'classifier'] as const;
type Tab = (typeof tabs)[number];

/** 诉求设置 (`/console/request-settings`): taxonomy, routing rules, deadlines and the classifier. */
export default function RequestSettingsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (tabs as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'taxonomy';
  const pages: Record<Tab, React.ReactNode> = {
    taxonomy: <TaxonomyTab />,
    rules: <RoutingRulesTab />,
    deadlines: <DeadlinesTab />,
    classifier: <ClassifierTab />,
  };
  return (
    <Card title={t('requests.settings.title')}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'taxonomy' ? {} : { tab: k })}
        destroyOnHidden
        items={tabs.map((k) => ({ key: k, label: t(`requests.settings.tabs.${k}`), children: pages[k] }))}
      />
    </Card>
  );
}

import { useState } from 'react';
import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { ExportPanel } from './export-panel.js';
import { ImportWizard } from './import-wizard.js';
import { ImportsHistory } from './imports-history.js';

/** 导入导出: the import wizard, exports, and the latest imports with their reports. */
export default function TransferPage() {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  return (
    <Card title={t('transfer.title')}>
      <Tabs
        destroyOnHidden={false}
        // The history reads afresh each time it is shown, so an import just finished is there.
        onChange={(key) => key === 'history' && setVersion((v) => v + 1)}
        items={[
          { key: 'import', label: t('transfer.tabs.import'), children: <ImportWizard onFinished={() => setVersion((v) => v + 1)} /> },
          { key: 'export', label: t('transfer.tabs.export'), children: <ExportPanel /> },
          { key: 'history', label: t('transfer.tabs.history'), children: <ImportsHistory version={version} /> },
        ]}
      />
    </Card>
  );
}

import { useState } from 'react';
import { App, Button, DatePicker, Modal, Space, Typography } from 'antd';
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.js';
import { errorText } from '../../api/error-text.js';
import { saveFile } from '../../api/save-file.js';
import { analysisApi, type AnalysisScope } from './analysis-api.js';
import { previousMonth, thisMonth } from './period.js';

/** 导出 Excel for the period shown, and 月度报告 PDF for a month the user picks (the month shown, else last month). */
export function ReportButtons({ scope, month: shownMonth }: { scope: AnalysisScope; month?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const [asking, setAsking] = useState(false);
  const [month, setMonth] = useState(() => previousMonth(thisMonth()));
  const [reporting, setReporting] = useState(false);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      saveFile(await analysisApi.exportXlsx(scope));
      message.success(t('analysis.reports.exported'));
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setExporting(false);
    }
  };

  const report = async () => {
    setReporting(true);
    try {
      saveFile(await analysisApi.monthlyReport({ month, placeId: scope.placeId }));
      setAsking(false);
    } catch (e) {
      // Without its CJK font the server cannot draw the report: say which package the operator must install.
      const pkg = e instanceof ApiError ? (e.details as { debianPackage?: unknown } | null)?.debianPackage : undefined;
      message.error(typeof pkg === 'string' ? t('analysis.reports.fontMissing', { pkg }) : errorText(e));
    } finally {
      setReporting(false);
    }
  };

  return (
    <Space wrap>
      <Button icon={<FileExcelOutlined />} loading={exporting} onClick={() => void exportXlsx()}>
        {t('analysis.reports.excel')}
      </Button>
      <Button
        icon={<FilePdfOutlined />}
        onClick={() => {
          setMonth(shownMonth ?? previousMonth(thisMonth()));
          setAsking(true);
        }}
      >
        {t('analysis.reports.pdf')}
      </Button>
      <Modal
        open={asking}
        title={t('analysis.reports.pdfTitle')}
        okText={t('analysis.reports.download')}
        confirmLoading={reporting}
        onOk={() => void report()}
        onCancel={() => setAsking(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('analysis.reports.pdfHint')}</Typography.Paragraph>
        <DatePicker
          picker="month"
          aria-label={t('analysis.reports.month')}
          allowClear={false}
          value={dayjs(`${month}-01`)}
          disabledDate={(d) => d.format('YYYY-MM') > thisMonth()}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          style={{ width: '100%' }}
        />
      </Modal>
    </Space>
  );
}

// 导出Excel / 导入Excel of a register list (mediation cases, 普法 activities and roster, advisers'
// duty days and services): the export downloads the list as filtered; the import sends the workbook back and
// either tells how many rows were added and corrected, or lists every bad cell (nothing imported).
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useLang } from '../../i18n';
import { localized, problemDetails } from '../../lib/errors';
import { useErrorText } from '../../components/use-error-text';
import { downloadBase64 } from '../records/model';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The largest workbook the import procedures accept (their base64 text is at most 1,000,000). */
const MAX_XLSX_BYTES = 740_000;

interface Cell {
  sheet?: string;
  row: number;
  column: string;
  message: { zh: string; en: string };
}

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function RegisterExcel({
  ns,
  testId,
  exportFile,
  importFile,
  onImported,
}: {
  /** The feature table whose `excel.*` texts to use. */
  ns: 'pufa' | 'advisers' | 'registers';
  testId: string;
  exportFile: () => Promise<{ fileName: string; base64: string }>;
  /** Absent when the user may not import here. */
  importFile?: ((workbook: string) => Promise<{ added: number; updated: number }>) | undefined;
  onImported: () => Promise<void>;
}) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [cells, setCells] = useState<Cell[] | null>(null);
  const exporting = useMutation({
    mutationFn: exportFile,
    onSuccess: (file) => downloadBase64(file.base64, file.fileName, XLSX),
    onError: (e) => void message.error(errorText(e)),
  });
  const importing = useMutation({
    mutationFn: async (file: File) => importFile!(await base64Of(file)),
    onSuccess: async (result) => {
      void message.success(t(`${ns}.excel.imported`, result));
      await onImported();
    },
    onError: (e) => {
      const bad = problemDetails(e, 'IMPORT_BAD_CELLS');
      if (bad) setCells(bad.cells as Cell[]);
      else void message.error(errorText(e));
    },
  });
  return (
    <>
      <Space wrap size={8}>
        <Button
          icon={<DownloadOutlined />}
          loading={exporting.isPending}
          onClick={() => exporting.mutate()}
          data-testid={`${testId}-export`}
        >
          {t(`${ns}.excel.export`)}
        </Button>
        {importFile && (
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            beforeUpload={(file) => {
              if (file.size > MAX_XLSX_BYTES) {
                void message.error(t(`${ns}.excel.tooLarge`));
              } else {
                importing.mutate(file);
              }
              return false;
            }}
          >
            <Button
              icon={<UploadOutlined />}
              loading={importing.isPending}
              data-testid={`${testId}-import`}
              title={t(`${ns}.excel.hint`)}
            >
              {t(`${ns}.excel.import`)}
            </Button>
          </Upload>
        )}
      </Space>
      {cells && (
        <Modal
          open
          width={640}
          title={t(`${ns}.excel.badTitle`, { n: cells.length })}
          onCancel={() => setCells(null)}
          onOk={() => setCells(null)}
          cancelButtonProps={{ style: { display: 'none' } }}
        >
          <Alert type="error" showIcon title={t(`${ns}.excel.hint`)} style={{ marginBottom: 12 }} />
          <Table<Cell & { key: number }>
            size="small"
            pagination={false}
            scroll={{ y: 360 }}
            dataSource={cells.map((c, key) => ({ ...c, key }))}
            data-testid="import-bad-cells"
            columns={[
              { title: t(`${ns}.excel.row`), dataIndex: 'row', width: 56 },
              { title: t(`${ns}.excel.column`), dataIndex: 'column', width: 96 },
              {
                title: t(`${ns}.excel.problem`),
                dataIndex: 'message',
                render: (m: Cell['message']) => (
                  <Typography.Text style={{ wordBreak: 'break-word' }}>
                    {localized(m, lang)}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </Modal>
      )}
    </>
  );
}

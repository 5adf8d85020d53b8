// 导入Excel: uploads a filled-in score sheet for the editable column; shows the saved total or
// every bad cell by sheet, row and column (nothing is imported then).
import { useEffect, useRef, useState } from 'react';
import { Alert, Modal, Progress, Table, Typography, Upload, type UploadFile } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useLang } from '../../i18n';
import { ImportFooter } from '../../components/import-footer';
import { localized } from '../../lib/errors';
import { useErrorText } from '../../components/use-error-text';
import { formatPoints } from '@fazhi/domain';
import type { SheetColumn } from './model';
import { importSheetXlsx, type BadCell, type SheetImportOutcome } from './upload';

type Phase =
  | { step: 'choose' }
  | { step: 'uploading'; percent: number }
  | { step: 'finished'; outcome: SheetImportOutcome };

interface Props {
  open: boolean;
  participationId: string;
  column: SheetColumn;
  dirty: boolean;
  onClose(): void;
  onImported(): void;
}

export function ExcelImportDialog({
  open,
  participationId,
  column,
  dirty,
  onClose,
  onImported,
}: Props) {
  const { t, lang } = useLang();
  const errorText = useErrorText();
  const [file, setFile] = useState<File | null>(null);
  const [choiceError, setChoiceError] = useState(false);
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const busy = phase.step === 'uploading';
  const reset = () => {
    setFile(null);
    setChoiceError(false);
    setPhase({ step: 'choose' });
  };
  const close = () => {
    if (busy) return;
    const imported = phase.step === 'finished' && phase.outcome.ok;
    reset();
    onClose();
    if (imported) onImported();
  };

  const start = async () => {
    if (!file) return;
    abort.current = new AbortController();
    setPhase({ step: 'uploading', percent: 0 });
    const outcome = await importSheetXlsx(
      participationId,
      file,
      {
        onProgress: (percent) =>
          setPhase((p) => (p.step === 'uploading' ? { step: 'uploading', percent } : p)),
      },
      abort.current.signal,
    );
    setPhase({ step: 'finished', outcome });
  };

  const fileList: UploadFile[] = file
    ? [{ uid: 'xlsx', name: file.name, status: 'done', size: file.size }]
    : [];

  const footer = (
    <ImportFooter
      finished={phase.step === 'finished'}
      busy={busy}
      canStart={file !== null}
      startLabel={t('sheet.importStart')}
      onStart={() => void start()}
      onAgain={reset}
      onClose={close}
    />
  );

  return (
    <Modal
      open={open}
      title={t('sheet.importTitle', { column: t(`sheet.columns.${column}`) })}
      onCancel={close}
      footer={footer}
      width={720}
      destroyOnHidden
      mask={{ closable: !busy }}
      closable={!busy}
    >
      {phase.step === 'choose' ? (
        <>
          <Alert type="info" showIcon title={t('sheet.importHint')} style={{ marginBottom: 12 }} />
          {dirty ? (
            <Alert
              type="warning"
              showIcon
              title={t('sheet.unsavedImport')}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            fileList={fileList}
            beforeUpload={(chosen) => {
              const ok = chosen.name.toLowerCase().endsWith('.xlsx');
              setChoiceError(!ok);
              setFile(ok ? chosen : null);
              return false;
            }}
            onRemove={() => {
              setFile(null);
              return true;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('sheet.importChoose')}</p>
          </Upload.Dragger>
          {choiceError ? (
            <Alert
              type="error"
              showIcon
              title={t('sheet.importOnlyXlsx')}
              style={{ marginTop: 12 }}
            />
          ) : null}
        </>
      ) : null}
      {phase.step === 'uploading' ? (
        <div data-testid="xlsx-progress">
          <Typography.Paragraph>{t('divisions.uploading')}</Typography.Paragraph>
          <Progress percent={phase.percent} status="active" />
        </div>
      ) : null}
      {phase.step === 'finished' && phase.outcome.ok ? (
        <Alert
          type="success"
          showIcon
          data-testid="xlsx-result"
          title={t('sheet.importDone', { total: formatPoints(phase.outcome.result.total) })}
        />
      ) : null}
      {phase.step === 'finished' && !phase.outcome.ok ? (
        <>
          <Alert
            type="error"
            showIcon
            title={t('sheet.importFailed')}
            description={errorText(phase.outcome.error)}
            style={{ marginBottom: 16 }}
            data-testid="xlsx-error"
          />
          {phase.outcome.badCells.length > 0 ? (
            <>
              <Typography.Title level={5}>
                {t('sheet.importBadCells', { count: phase.outcome.badCells.length })}
              </Typography.Title>
              <Table<BadCell>
                size="small"
                rowKey={(c) => `${c.sheet}-${c.row}-${c.column}-${c.message.zh}`}
                dataSource={phase.outcome.badCells}
                pagination={{ pageSize: 10, showSizeChanger: false }}
                columns={[
                  { key: 'sheet', title: t('sheet.importSheet'), dataIndex: 'sheet', width: 140 },
                  { key: 'row', title: t('sheet.importRow'), dataIndex: 'row', width: 70 },
                  { key: 'column', title: t('sheet.importColumn'), dataIndex: 'column', width: 80 },
                  {
                    key: 'message',
                    title: t('sheet.importMessage'),
                    render: (_: unknown, c: BadCell) => localized(c.message, lang),
                  },
                ]}
              />
            </>
          ) : null}
        </>
      ) : null}
    </Modal>
  );
}

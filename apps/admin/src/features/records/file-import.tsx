// Importing a file into the village records (the villager groups, a year's ledger): choose a file,
// send it, then show what was imported — or every bad cell of a refused file, nothing imported.
import { useState, type ReactNode } from 'react';
import { Alert, Button, Flex, List, Modal, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useLang } from '../../i18n';
import { problemDetails, localized } from '../../lib/errors';
import { useErrorText } from '../../components/use-error-text';

export interface BadCell {
  sheet?: string | undefined;
  row: number;
  column: string;
  message: { zh: string; en: string };
}

/** The bytes of a file as base64 (what the API takes for a workbook). */
export async function fileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

/** A CSV file's text: UTF-8 (with or without BOM), else GB18030 as Excel saves it in China. */
export async function csvText(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Every bad cell of a refused import, in the reader's language. */
export function BadCellsList({ cells }: { cells: readonly BadCell[] }) {
  const { t, lang } = useLang();
  return (
    <List
      size="small"
      bordered
      data-testid="bad-cells"
      style={{ maxHeight: 320, overflow: 'auto' }}
      dataSource={[...cells]}
      renderItem={(c) => (
        <List.Item data-testid="bad-cell">
          <Typography.Text>
            <Typography.Text type="secondary">
              {`${c.sheet ? `${c.sheet} · ` : ''}${t('records.manage.cellAt', {
                row: c.row,
                column: c.column,
              })}`}
            </Typography.Text>
            {`：${localized(c.message, lang)}`}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}

type Outcome = { ok: true; summary: string } | { ok: false; error: unknown };

/**
 * A dialog to choose one file and import it with `send` (which returns the words for what was
 * imported); a refusal shows the API's message and every bad cell.
 */
export function FileImportModal({
  title,
  hint,
  accept,
  maxBytes,
  extra,
  send,
  onClose,
  testId,
}: {
  title: string;
  hint: ReactNode;
  accept: string;
  maxBytes: number;
  extra?: ReactNode;
  send: (file: File) => Promise<string>;
  onClose: () => void;
  testId: string;
}) {
  const { t } = useLang();
  const errorText = useErrorText();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const tooLarge = file !== null && file.size > maxBytes;
  const start = async () => {
    if (!file || tooLarge) return;
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ ok: true, summary: await send(file) });
    } catch (error) {
      setOutcome({ ok: false, error });
    } finally {
      setBusy(false);
    }
  };
  const cells = outcome && !outcome.ok ? problemDetails(outcome.error, 'IMPORT_BAD_CELLS') : null;
  return (
    <Modal
      open
      title={title}
      onCancel={() => !busy && onClose()}
      width={640}
      footer={
        <Flex gap={8} justify="end" wrap="wrap">
          <Button onClick={onClose} disabled={busy}>
            {outcome?.ok ? t('app.close') : t('app.cancel')}
          </Button>
          {!outcome?.ok && (
            <Button
              type="primary"
              disabled={!file || tooLarge}
              loading={busy}
              onClick={() => void start()}
              data-testid={`${testId}-start`}
            >
              {t('records.manage.startImport')}
            </Button>
          )}
        </Flex>
      }
    >
      <Flex vertical gap={12} data-testid={testId}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {hint}
        </Typography.Paragraph>
        {extra}
        <Upload
          accept={accept}
          maxCount={1}
          showUploadList={false}
          beforeUpload={(chosen) => {
            setFile(chosen);
            setOutcome(null);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} disabled={busy} data-testid={`${testId}-file`}>
            {t('records.manage.chooseFile')}
          </Button>
        </Upload>
        {file && <Typography.Text>{file.name}</Typography.Text>}
        {tooLarge && <Alert type="error" showIcon title={t('records.manage.fileTooLarge')} />}
        {outcome?.ok && (
          <Alert type="success" showIcon title={outcome.summary} data-testid={`${testId}-done`} />
        )}
        {outcome && !outcome.ok && (
          <Alert
            type="error"
            showIcon
            data-testid={`${testId}-refused`}
            title={
              cells
                ? t('records.manage.badCells', { n: cells.cells.length })
                : errorText(outcome.error)
            }
          />
        )}
        {cells && <BadCellsList cells={cells.cells} />}
      </Flex>
    </Modal>
  );
}

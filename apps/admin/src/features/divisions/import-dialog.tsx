// 导入: upload a division CSV with a progress bar, then show the counts or every bad line.
import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Col,
  Modal,
  Progress,
  Row,
  Statistic,
  Table,
  Tag,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useLang } from '../../i18n';
import { ImportFooter } from '../../components/import-footer';
import { localized } from '../../lib/errors';
import { useErrorText } from '../../components/use-error-text';
import { coreZh } from '../../i18n/resources';
import { uploadDivisionsCsv, type BadLine, type ImportOutcome } from './import-upload';

type Phase =
  | { step: 'choose' }
  | { step: 'uploading'; percent: number }
  | { step: 'processing' }
  | { step: 'finished'; outcome: ImportOutcome };

interface Props {
  open: boolean;
  onClose(): void;
  /** Called after a successful import (to reload the divisions). */
  onImported(): void;
}

const example = 'code,name,urban_rural_code\n330728101000,白石镇,\n330728101201,金塘村,220';

function isProblemKey(problem: string): problem is keyof typeof coreZh.divisions.problems {
  return problem in coreZh.divisions.problems;
}

export function ImportDialog({ open, onClose, onImported }: Props) {
  const { t, lang } = useLang();
  const errorText = useErrorText();
  const [file, setFile] = useState<File | null>(null);
  const [choiceError, setChoiceError] = useState(false);
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  const busy = phase.step === 'uploading' || phase.step === 'processing';

  const reset = () => {
    setFile(null);
    setChoiceError(false);
    setPhase({ step: 'choose' });
  };

  const close = () => {
    if (busy) return;
    reset();
    onClose();
  };

  const start = async () => {
    if (!file) return;
    abort.current = new AbortController();
    setPhase({ step: 'uploading', percent: 0 });
    const outcome = await uploadDivisionsCsv(
      file,
      {
        onProgress: (percent) =>
          setPhase((p) => (p.step === 'uploading' ? { step: 'uploading', percent } : p)),
        onUploaded: () => setPhase({ step: 'processing' }),
      },
      abort.current.signal,
    );
    setPhase({ step: 'finished', outcome });
    if (outcome.ok) onImported();
  };

  const fileList: UploadFile[] = file
    ? [{ uid: 'csv', name: file.name, status: 'done', size: file.size }]
    : [];

  const footer = (
    <ImportFooter
      finished={phase.step === 'finished'}
      busy={busy}
      canStart={file !== null}
      startLabel={t('divisions.startImport')}
      onStart={() => void start()}
      onAgain={reset}
      onClose={close}
    />
  );

  return (
    <Modal
      open={open}
      title={t('divisions.importTitle')}
      onCancel={close}
      footer={footer}
      width={720}
      destroyOnHidden
      mask={{ closable: !busy }}
      closable={!busy}
    >
      {phase.step === 'choose' ? (
        <>
          <Alert
            type="info"
            showIcon
            title={t('divisions.importFormat')}
            description={
              <>
                <Typography.Paragraph style={{ marginBottom: 8 }}>
                  {t('divisions.importFormatHint')}
                </Typography.Paragraph>
                <Typography.Paragraph style={{ marginBottom: 8 }}>
                  {t('divisions.importFormatRules')}
                </Typography.Paragraph>
                <Typography.Text type="secondary">{t('divisions.importExample')}</Typography.Text>
                <pre className="fz-json">{example}</pre>
              </>
            }
            style={{ marginBottom: 16 }}
          />
          <Upload.Dragger
            accept=".csv,text/csv"
            maxCount={1}
            fileList={fileList}
            beforeUpload={(chosen) => {
              const ok = chosen.name.toLowerCase().endsWith('.csv');
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
            <p className="ant-upload-text">{t('divisions.chooseFile')}</p>
            <p className="ant-upload-hint">{t('divisions.chooseFileHint')}</p>
          </Upload.Dragger>
          {choiceError ? (
            <Alert type="error" showIcon title={t('divisions.onlyCsv')} style={{ marginTop: 12 }} />
          ) : null}
        </>
      ) : null}

      {phase.step === 'uploading' ? (
        <div data-testid="import-progress">
          <Typography.Paragraph>{t('divisions.uploading')}</Typography.Paragraph>
          <Progress percent={phase.percent} status="active" />
        </div>
      ) : null}

      {phase.step === 'processing' ? (
        <div data-testid="import-progress">
          <Typography.Paragraph>{t('divisions.processing')}</Typography.Paragraph>
          <Progress percent={100} status="active" showInfo={false} />
        </div>
      ) : null}

      {phase.step === 'finished' && phase.outcome.ok ? (
        <>
          <Alert
            type="success"
            showIcon
            title={t('divisions.importDone')}
            description={file?.name}
            style={{ marginBottom: 16 }}
          />
          <Row gutter={16} data-testid="import-result">
            <Col span={6}>
              <Statistic title={t('divisions.resultTotal')} value={phase.outcome.result.total} />
            </Col>
            <Col span={6}>
              <Statistic
                title={t('divisions.resultInserted')}
                value={phase.outcome.result.inserted}
              />
            </Col>
            <Col span={6}>
              <Statistic
                title={t('divisions.resultUpdated')}
                value={phase.outcome.result.updated}
              />
            </Col>
            <Col span={6}>
              <Statistic
                title={t('divisions.resultUnchanged')}
                value={phase.outcome.result.unchanged}
              />
            </Col>
          </Row>
        </>
      ) : null}

      {phase.step === 'finished' && !phase.outcome.ok ? (
        <>
          <Alert
            type="error"
            showIcon
            title={t('divisions.importFailed')}
            description={errorText(phase.outcome.error)}
            style={{ marginBottom: 16 }}
            data-testid="import-error"
          />
          {phase.outcome.badLines.length > 0 ? (
            <>
              <Typography.Title level={5}>
                {t('divisions.badLines', { count: phase.outcome.errorCount })}
              </Typography.Title>
              <Table<BadLine>
                size="small"
                rowKey={(l) => `${l.line}-${l.problem}-${l.message.zh}`}
                dataSource={phase.outcome.badLines}
                pagination={{ pageSize: 10, showSizeChanger: false }}
                columns={[
                  { key: 'line', title: t('divisions.line'), dataIndex: 'line', width: 80 },
                  {
                    key: 'problem',
                    title: t('divisions.problem'),
                    dataIndex: 'problem',
                    width: 160,
                    render: (problem: string) => (
                      <Tag color="error">
                        {isProblemKey(problem) ? t(`divisions.problems.${problem}`) : problem}
                      </Tag>
                    ),
                  },
                  {
                    key: 'reason',
                    title: t('divisions.reason'),
                    render: (_: unknown, l: BadLine) => localized(l.message, lang),
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

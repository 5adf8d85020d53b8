// Files kept with township work (a task's progress report, a budget stage record): the list with
// download links and removal (confirmed), a picker holding files until their record exists, and
// the upload of the held files (a PDF or an image; the server checks the content, the size and
// the count).
import { useState } from 'react';
import { App, Button, Flex, Popconfirm, Progress, Typography, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { MAX_RECORD_FILE_BYTES, maxTownshipFilesPerRecord, townshipFileTypes } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { useErrorText } from '../../components/use-error-text';
import { postFile, readEvidenceResponse } from '../campaigns/upload';

export interface TownshipFile {
  id: string;
  fileName: string;
}

/** The files of a report or record, each opening in a new tab; removable when allowed. */
export function TownshipFileList({
  files,
  onRemove,
  removing,
}: {
  files: readonly TownshipFile[];
  onRemove?: ((id: string) => void) | undefined;
  removing?: string | undefined;
}) {
  const { t } = useLang();
  if (files.length === 0) return null;
  return (
    <Flex vertical gap={2} data-testid="township-files">
      {files.map((f) => (
        <Flex key={f.id} gap={4} align="center" wrap>
          <PaperClipOutlined />
          <a href={`/api/evidence/${f.id}`} target="_blank" rel="noreferrer">
            {f.fileName}
          </a>
          {onRemove && (
            <Popconfirm
              title={t('township.fileRemoveConfirm', { name: f.fileName })}
              okButtonProps={{ danger: true }}
              onConfirm={() => onRemove(f.id)}
            >
              <Button
                size="small"
                type="link"
                danger
                icon={<DeleteOutlined />}
                loading={removing === f.id}
                aria-label={t('township.fileRemove')}
              />
            </Popconfirm>
          )}
        </Flex>
      ))}
    </Flex>
  );
}

/** Whether a picked file may be sent (the server checks its content again). */
function tooLarge(file: File) {
  return file.size > MAX_RECORD_FILE_BYTES;
}

/** A picker holding files (at most `maxTownshipFilesPerRecord`) until they can be uploaded. */
export function HeldFiles({
  files,
  onChange,
  testId,
}: {
  files: File[];
  onChange: (files: File[]) => void;
  testId: string;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  return (
    <Flex vertical gap={4}>
      <Upload
        multiple
        accept={townshipFileTypes.join(',')}
        showUploadList={false}
        beforeUpload={(file) => {
          if (tooLarge(file)) {
            void message.error(
              t('township.fileTooLarge', { mb: Math.round(MAX_RECORD_FILE_BYTES / 1024 / 1024) }),
            );
          } else if (files.length < maxTownshipFilesPerRecord) {
            onChange([...files, file]);
          }
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} data-testid={testId}>
          {t('township.filePick')}
        </Button>
      </Upload>
      {files.map((f, i) => (
        <Flex key={`${f.name}-${i}`} gap={4} align="center">
          <PaperClipOutlined />
          <Typography.Text>{f.name}</Typography.Text>
          <Button
            size="small"
            type="link"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('township.fileRemove')}
            onClick={() => onChange(files.filter((_, j) => j !== i))}
          />
        </Flex>
      ))}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('township.filesHint', { n: maxTownshipFilesPerRecord })}
      </Typography.Text>
    </Flex>
  );
}

/**
 * Uploads files to `url` one after the other; reports each refusal as a message and returns how
 * many were kept.
 */
export function useUploadFiles() {
  const { t } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [percent, setPercent] = useState<number | null>(null);
  const upload = async (url: string, files: readonly File[]) => {
    let kept = 0;
    for (const file of files) {
      setPercent(0);
      const { status, body } = await postFile(url, file, file.type || 'application/octet-stream', {
        onProgress: setPercent,
      });
      const outcome = readEvidenceResponse(status, body);
      if (outcome.ok) kept++;
      else
        void message.error(
          `${t('township.fileFailed', { name: file.name })}：${errorText(outcome.error)}`,
        );
    }
    setPercent(null);
    return kept;
  };
  return { upload, percent };
}

/** The upload button of a saved record's files (plus the progress while one is sent). */
export function UploadMore({
  url,
  onUploaded,
  testId,
}: {
  url: string;
  onUploaded: () => Promise<unknown>;
  testId: string;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const { upload, percent } = useUploadFiles();
  if (percent !== null) return <Progress percent={percent} size="small" status="active" />;
  return (
    <Upload
      accept={townshipFileTypes.join(',')}
      showUploadList={false}
      beforeUpload={(file) => {
        if (tooLarge(file)) {
          void message.error(
            t('township.fileTooLarge', { mb: Math.round(MAX_RECORD_FILE_BYTES / 1024 / 1024) }),
          );
          return false;
        }
        void (async () => {
          if ((await upload(url, [file])) > 0) {
            void message.success(t('township.fileUploaded', { name: file.name }));
          }
          await onUploaded();
        })();
        return false;
      }}
    >
      <Button size="small" icon={<UploadOutlined />} data-testid={testId}>
        {t('township.fileUpload')}
      </Button>
    </Upload>
  );
}

/** The progress of the held files being sent after their record was saved. */
export function UploadProgress({ percent }: { percent: number | null }) {
  return percent === null ? null : <Progress percent={percent} size="small" status="active" />;
}

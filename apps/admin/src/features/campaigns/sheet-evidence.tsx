// The evidence files of one item, with the upload and remove actions of the editable column.
import { memo, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Flex, Popconfirm, Progress, Typography, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { IndicatorItem } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { queryClient, trpc } from '../../trpc';
import { useErrorText } from '../../components/use-error-text';
import { canRemoveEvidence, type EvidenceFile, type SheetColumn } from './model';
import { evidenceFileProblem, uploadEvidence } from './upload';

/**
 * The evidence files of one item (all columns); for the editable column, the upload button and
 * a remove action on each of its files. Skipped when its item's files have not changed.
 */
export const EvidenceCell = memo(function EvidenceCell({
  item,
  files,
  participationId,
  column,
}: {
  item: IndicatorItem;
  files: EvidenceFile[];
  participationId: string;
  column: SheetColumn | null;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [percent, setPercent] = useState<number | null>(null);
  const abort = useRef<AbortController | null>(null);
  const remove = useMutation(trpc.participations.removeEvidence.mutationOptions());
  const refresh = () =>
    queryClient.invalidateQueries(trpc.participations.get.queryFilter({ id: participationId }));

  const doRemove = (file: EvidenceFile) =>
    remove.mutate(
      { id: file.id },
      {
        onSuccess: () => {
          void message.success(t('sheet.evidenceRemoved', { name: file.fileName }));
          void refresh();
        },
        onError: (error) => {
          void message.error(errorText(error));
          // e.g. the turn has passed or someone else removed it: show what is there now
          void refresh();
        },
      },
    );

  const start = async (file: File) => {
    if (!column) return;
    const problem = evidenceFileProblem(file);
    if (problem) {
      void message.error(problem === 'tooLarge' ? t('sheet.fileTooLarge') : t('sheet.fileType'));
      return;
    }
    abort.current = new AbortController();
    setPercent(0);
    const outcome = await uploadEvidence(
      participationId,
      item.code,
      column,
      file,
      { onProgress: setPercent },
      abort.current.signal,
    );
    setPercent(null);
    if (outcome.ok) {
      void message.success(t('sheet.uploaded', { name: outcome.file.fileName }));
      void refresh();
    } else {
      void message.error(`${t('sheet.uploadFailed')}：${errorText(outcome.error)}`);
    }
  };

  return (
    <Flex vertical gap={4}>
      {item.evidence && item.evidence.length > 0 ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {item.evidence.join('、')}
        </Typography.Text>
      ) : null}
      {files.map((f) => (
        <Flex key={f.id} align="flex-start" gap={4} data-testid="evidence-file">
          <a
            href={`/api/evidence/${f.id}`}
            target="_blank"
            rel="noreferrer"
            data-testid="evidence-link"
            style={{ fontSize: 12 }}
          >
            <PaperClipOutlined /> {f.fileName}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 11 }}>
              ({t(`sheet.columns.${f.column}`)}, {Math.max(1, Math.round(f.size / 1024))} KB)
            </Typography.Text>
          </a>
          {canRemoveEvidence(f, column) ? (
            <Popconfirm
              title={t('sheet.removeEvidenceConfirm', { name: f.fileName })}
              okText={t('sheet.removeEvidence')}
              okButtonProps={{ danger: true }}
              cancelText={t('app.cancel')}
              onConfirm={() => doRemove(f)}
            >
              <Button
                size="small"
                type="link"
                danger
                icon={<DeleteOutlined />}
                loading={remove.isPending && remove.variables?.id === f.id}
                data-testid="remove-evidence"
                style={{ fontSize: 12, height: 'auto', padding: 0 }}
              >
                {t('sheet.removeEvidence')}
              </Button>
            </Popconfirm>
          ) : null}
        </Flex>
      ))}
      {column ? (
        percent !== null ? (
          <Progress percent={percent} size="small" status="active" />
        ) : (
          <Upload
            accept="image/jpeg,image/png,image/gif,image/webp,application/pdf"
            showUploadList={false}
            beforeUpload={(file) => {
              void start(file);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} data-testid={`upload-${item.code}`}>
              {t('sheet.upload')}
            </Button>
          </Upload>
        )
      ) : null}
    </Flex>
  );
});

// The files of a pilot on-site meeting (现场会): links to download them and, for the county while
// the campaign is open, an upload button (images or PDF up to 20 MB, as evidence files).
import { useState } from 'react';
import { App, Button, Flex, Progress, Typography, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useLang } from '../../i18n';
import { queryClient, trpc } from '../../trpc';
import { useErrorText } from '../../components/use-error-text';
import { evidenceFileProblem, uploadPilotMeetingFile } from './upload';

interface MeetingFile {
  id: string;
  fileName: string;
  size: number;
}

export function PilotMeetingFiles(props: {
  campaignId: string;
  meetingId: string;
  files: readonly MeetingFile[];
  /** Names of materials recorded without their bytes. */
  fileNames: readonly string[];
  canUpload: boolean;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [percent, setPercent] = useState<number | null>(null);

  const start = async (file: File) => {
    const problem = evidenceFileProblem(file);
    if (problem) {
      void message.error(problem === 'tooLarge' ? t('sheet.fileTooLarge') : t('sheet.fileType'));
      return;
    }
    setPercent(0);
    const outcome = await uploadPilotMeetingFile(props.campaignId, props.meetingId, file, {
      onProgress: setPercent,
    });
    setPercent(null);
    if (outcome.ok) {
      void message.success(t('sheet.uploaded', { name: outcome.file.fileName }));
      void queryClient.invalidateQueries(trpc.campaigns.pilotMeetings.pathFilter());
    } else {
      void message.error(`${t('sheet.uploadFailed')}：${errorText(outcome.error)}`);
    }
  };

  return (
    <Flex vertical gap={4} data-testid="pilot-meeting-files">
      {props.fileNames.length > 0 ? (
        <Typography.Text type="secondary">{props.fileNames.join('、')}</Typography.Text>
      ) : null}
      {props.files.map((f) => (
        <a
          key={f.id}
          href={`/api/pilot-meeting-files/${f.id}`}
          target="_blank"
          rel="noreferrer"
          data-testid="pilot-meeting-file"
        >
          <PaperClipOutlined /> {f.fileName}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            ({Math.max(1, Math.round(f.size / 1024))} KB)
          </Typography.Text>
        </a>
      ))}
      {props.canUpload ? (
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
            <Button size="small" icon={<UploadOutlined />} data-testid="upload-pilot-file">
              {t('phases.pilot.uploadFile')}
            </Button>
          </Upload>
        )
      ) : null}
    </Flex>
  );
}

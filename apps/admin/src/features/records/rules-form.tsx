// A version of the village's rules (自治章程, 村规民约, 小组议事规则), saved with
// `villageRules.save`: its kind, label and text (pasted, or read on the server from a Word
// document, which is then kept as the saved version's text file, downloadable under 附件), the
// adopting meeting among the village's meetings, filing and publication dates.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Space, Typography, Upload } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { villageRulesKinds } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { apiErrorInfo, localized } from '../../lib/errors';
import { queryClient, trpc } from '../../trpc';
import type { RouterInputs, RouterOutputs } from '../../types';
import { postFile, readEvidenceResponse } from '../campaigns/upload';
import { todayIso } from './model';

export type RulesRow = RouterOutputs['villageRules']['list'][number];
type RulesInput = RouterInputs['villageRules']['save'];

interface Values {
  kind: RulesInput['kind'];
  label: string;
  text: string;
  meetingId?: string | null;
  adoptedOn: string;
  filedOn?: string;
  publishedOn?: string;
}

const fields = ['kind', 'label', 'text', 'meetingId', 'adoptedOn', 'filedOn', 'publishedOn'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function parseJson(body: string): unknown {
  try {
    return body ? (JSON.parse(body) as unknown) : null;
  } catch {
    return null;
  }
}

/** The plain text of a Word document, read by the API; or the error to show under the upload. */
async function readDocx(file: File, lang: 'zh' | 'en', fallback: string) {
  const { status, body } = await postFile('/api/records/rules-text', file, file.type || DOCX);
  const parsed = parseJson(body);
  if (status === 200 && typeof (parsed as { text?: unknown })?.text === 'string') {
    return { text: (parsed as { text: string }).text };
  }
  const info = apiErrorInfo(parsed);
  const message = info?.fieldErrors[0]?.message ?? info?.messages;
  return { error: message ? localized(message, lang) : fallback };
}

/** Keeps the Word document as the saved version's text file; the error to show, if any. */
async function keepDocx(rulesId: string, file: File, lang: 'zh' | 'en', fallback: string) {
  const { status, body } = await postFile(
    `/api/records/rules/${rulesId}/files?purpose=text`,
    file,
    file.type || DOCX,
  );
  const outcome = readEvidenceResponse(status, body);
  if (outcome.ok) return null;
  const message = outcome.error.fieldErrors[0]?.message ?? outcome.error.messages;
  return message ? localized(message, lang) : fallback;
}

export function RulesForm({
  villageCode,
  rules,
  onClose,
}: {
  villageCode: string;
  /** The version to correct; a new version when absent. */
  rules?: RulesRow;
  onClose: () => void;
}) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form, fields);
  const [docxError, setDocxError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  // the Word document the text was read from, kept with the version once it is saved
  const [docx, setDocx] = useState<File | null>(null);
  const meetings = useQuery(trpc.meetings.list.queryOptions({ villageCode, pageSize: 200 }));
  const save = useMutation(
    trpc.villageRules.save.mutationOptions({
      onSuccess: async (saved) => {
        if (docx) {
          const error = await keepDocx(saved.id, docx, lang, t('errors.unknown'));
          if (error) void message.warning(`${t('records.rules.docxNotKept')}：${error}`);
          await queryClient.invalidateQueries(trpc.recordFiles.pathFilter());
        }
        void message.success(
          rules && rules.text !== saved.text && rules.reviewState !== 'pending'
            ? `${t('records.rules.saved')}；${t('records.rules.reviewAgain')}`
            : t('records.rules.saved'),
        );
        await queryClient.invalidateQueries(trpc.villageRules.pathFilter());
        await queryClient.invalidateQueries(trpc.records.pathFilter());
        onClose();
      },
      onError,
    }),
  );
  const meetingDate = (id: string | null | undefined) =>
    meetings.data?.items.find((m) => m.id === id)?.date;
  return (
    <Modal
      open
      title={rules ? t('records.rules.editTitle') : t('records.rules.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('app.save')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'rules-save' } as never}
      width={640}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          rules
            ? {
                kind: rules.kind,
                label: rules.label,
                text: rules.text,
                meetingId: rules.meetingId,
                adoptedOn: rules.adoptedOn,
                filedOn: rules.filedOn ?? '',
                publishedOn: rules.publishedOn ?? '',
              }
            : { kind: 'village_compact', adoptedOn: todayIso() }
        }
        onFinish={(v) =>
          save.mutate({
            ...(rules ? { id: rules.id, version: rules.version } : {}),
            villageCode,
            kind: v.kind,
            label: v.label,
            text: v.text,
            meetingId: v.meetingId ? v.meetingId : null,
            adoptedOn: v.adoptedOn,
            filedOn: v.filedOn ? v.filedOn : null,
            publishedOn: v.publishedOn ? v.publishedOn : null,
          })
        }
      >
        <Space wrap>
          <Form.Item name="kind" label={t('records.rules.kind')} rules={[{ required: true }]}>
            <Select
              style={{ width: 200 }}
              data-testid="rules-kind"
              options={villageRulesKinds.map((k) => ({
                value: k,
                label: t(`records.rules.kinds.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="label"
            label={t('records.rules.label')}
            extra={t('records.rules.labelHelp')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input style={{ width: 200 }} maxLength={100} data-testid="rules-label" />
          </Form.Item>
        </Space>
        <Form.Item
          name="text"
          label={t('records.rules.text')}
          extra={t('records.rules.textHelp')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={6} maxLength={100_000} data-testid="rules-text" />
        </Form.Item>
        <Form.Item>
          <Upload
            accept=".docx"
            showUploadList={false}
            maxCount={1}
            beforeUpload={(file) => {
              setDocxError(null);
              setReading(true);
              void readDocx(file, lang, t('errors.unknown')).then((result) => {
                setReading(false);
                if ('text' in result) {
                  form.setFields([{ name: 'text', value: result.text, errors: [] }]);
                  setDocx(file);
                  void message.success(t('records.rules.docxRead'));
                } else {
                  setDocxError(result.error);
                }
              });
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<FileWordOutlined />} loading={reading} data-testid="rules-docx">
              {t('records.rules.readDocx')}
            </Button>
          </Upload>
          {docx && !docxError && (
            <div>
              <Typography.Text type="secondary" data-testid="rules-docx-kept">
                {t('records.rules.docxKept', { name: docx.name })}
              </Typography.Text>
            </div>
          )}
          {docxError && (
            <div>
              <Typography.Text type="danger" data-testid="rules-docx-error">
                {docxError}
              </Typography.Text>
            </div>
          )}
        </Form.Item>
        <Form.Item
          name="meetingId"
          label={t('records.rules.meeting')}
          extra={t('records.rules.meetingHelp')}
        >
          <Select
            allowClear
            loading={meetings.isLoading}
            data-testid="rules-meeting"
            placeholder={t('records.rules.noMeeting')}
            onChange={(id: string | undefined) => {
              const date = meetingDate(id);
              if (date) form.setFieldValue('adoptedOn', date);
            }}
            options={(meetings.data?.items ?? []).map((m) => ({
              value: m.id,
              label: `${m.date} ${t(`records.meeting.bodies.${m.body}`)}${
                m.resolutions[0] ? `：${m.resolutions[0].title}` : ''
              }`,
            }))}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="adoptedOn"
            label={t('records.rules.adoptedOn')}
            rules={[{ required: true }]}
          >
            <Input type="date" max={todayIso()} data-testid="rules-adopted" />
          </Form.Item>
          <Form.Item name="filedOn" label={t('records.rules.filedOn')}>
            <Input type="date" max={todayIso()} data-testid="rules-filed" />
          </Form.Item>
          <Form.Item name="publishedOn" label={t('records.rules.publishedOn')}>
            <Input type="date" max={todayIso()} data-testid="rules-published" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

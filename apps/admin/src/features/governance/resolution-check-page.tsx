// 表决核算: a township or county officer enters a village meeting's figures and sees, under the law
// in force on the meeting's date, whether the quorum was met and the resolution passed, with the
// problems and the articles applied. Computed in the browser by `checkResolution`; nothing is saved.
import { useState } from 'react';
import {
  Alert,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Form,
  InputNumber,
  List,
  Row,
  Select,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import {
  checkResolution,
  describeCitation,
  meetingBodies,
  organicLawVersion,
  type MeetingBody,
  type ResolutionResult,
} from '@fazhi/domain';
import { useLang } from '../../i18n';
import {
  countySettings,
  householdBodies,
  mattersFor,
  needsRepresentativesVotes,
  resolutionInput,
  type ResolutionFormValues,
} from './resolution-form';

type Values = Omit<ResolutionFormValues, 'date'> & { date?: Dayjs | null };

const initialValues: Values = { body: 'villagers_meeting', matter: 'general' };

function toFormValues(values: Values): ResolutionFormValues {
  return { ...values, date: values.date ? values.date.format('YYYY-MM-DD') : null };
}

export function ResolutionCheckPage() {
  const { t } = useLang();
  const [form] = Form.useForm<Values>();
  const [values, setValues] = useState<Values>(initialValues);
  const formValues = toFormValues(values);
  const input = resolutionInput(formValues);
  const result = input ? checkResolution(input, countySettings(formValues)) : null;
  const body = values.body;

  const count = (
    name: Exclude<keyof ResolutionFormValues, 'partyTwoThirdsQuorum'>,
    label: string,
    extra?: string,
    md = 8,
  ) => (
    <Col xs={12} md={md}>
      <Form.Item name={name} label={label} extra={extra}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('governance.resolution.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('governance.resolution.intro')}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <Card title={t('governance.resolution.meeting')} variant="borderless">
            <Form<Values>
              form={form}
              layout="vertical"
              name="resolution-check"
              initialValues={initialValues}
              onValuesChange={(changed: Partial<Values>, all) => {
                // a matter the new meeting does not decide falls back to a general one
                if (changed.body && !mattersFor(changed.body).includes(all.matter)) {
                  form.setFieldValue('matter', 'general');
                  setValues({ ...all, matter: 'general' });
                } else {
                  setValues(all);
                }
              }}
            >
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item name="body" label={t('governance.resolution.body')}>
                    <Select<MeetingBody>
                      options={meetingBodies.map((b) => ({
                        value: b,
                        label: t(`governance.resolution.bodies.${b}`),
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="matter" label={t('governance.resolution.matter')}>
                    <Select
                      options={mattersFor(body).map((m) => ({
                        value: m,
                        label: t(`governance.resolution.matters.${m}`),
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="date" label={t('governance.resolution.date')}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={16}>
                {count(
                  'eligible',
                  t('governance.resolution.eligible'),
                  t(`governance.resolution.eligibleHelp.${body}`),
                )}
                {householdBodies.has(body) ? (
                  <>
                    {count('households', t('governance.resolution.households'))}
                    {count(
                      'householdsRepresented',
                      t('governance.resolution.householdsRepresented'),
                    )}
                  </>
                ) : null}
                {body === 'representatives_meeting'
                  ? count(
                      'representatives',
                      t('governance.resolution.representatives'),
                      needsRepresentativesVotes(body, values.matter)
                        ? t('governance.resolution.representativesHelp')
                        : undefined,
                    )
                  : null}
                {needsRepresentativesVotes(body, values.matter)
                  ? count(
                      'representativesVotesFor',
                      t('governance.resolution.representativesVotesFor'),
                      t('governance.resolution.representativesVotesForHelp'),
                    )
                  : null}
              </Row>
              {body === 'party_members_meeting' ? (
                <Form.Item
                  name="partyTwoThirdsQuorum"
                  valuePropName="checked"
                  extra={t('governance.resolution.partyTwoThirdsQuorumHelp')}
                >
                  <Checkbox>{t('governance.resolution.partyTwoThirdsQuorum')}</Checkbox>
                </Form.Item>
              ) : null}
              <Row gutter={16}>
                {count('attendees', t('governance.resolution.attendees'), undefined, 6)}
                {count('votesFor', t('governance.resolution.votesFor'), undefined, 6)}
                {count('votesAgainst', t('governance.resolution.votesAgainst'), undefined, 6)}
                {count('abstentions', t('governance.resolution.abstentions'), undefined, 6)}
              </Row>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={11}>
          <Card title={t('governance.resolution.result')} variant="borderless">
            {result && input ? (
              <ResultPanel result={result} date={input.date} body={input.body} />
            ) : (
              <Empty description={t('governance.resolution.fillIn')} />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** The organic-law version in force on a date, or null for a date the law cannot place. */
function lawVersionOn(date: string): string | null {
  try {
    return organicLawVersion(date);
  } catch {
    return null;
  }
}

function ResultPanel({
  result,
  date,
  body,
}: {
  result: ResolutionResult;
  date: string;
  body: MeetingBody;
}) {
  const { t, lang } = useLang();
  const text = (message: { zh: string; en: string }) => (lang === 'en' ? message.en : message.zh);
  const invalid = result.problems.some((p) => p.code === 'INVALID_INPUT');
  // a Party members' meeting follows the branch regulation, not the organic law
  const version = body === 'party_members_meeting' ? null : lawVersionOn(date);
  const yesNo = (ok: boolean, yes: string, no: string, testId: string) => (
    <Tag color={ok ? 'success' : 'error'} data-testid={testId}>
      {ok ? yes : no}
    </Tag>
  );

  /** Quorum, vote and approvals: only for figures that can be checked (not 未达到 beside 数据有误). */
  const outcome = (
    <Descriptions column={1} size="small" bordered>
      {version ? (
        <Descriptions.Item label={t('governance.resolution.lawVersion')}>
          {t('governance.resolution.organicLaw', { version })}
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={t('governance.resolution.quorum')}>
        {yesNo(
          result.quorumMet,
          t('governance.resolution.quorumMet'),
          t('governance.resolution.quorumNotMet'),
          'quorum',
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('governance.resolution.vote')}>
        {yesNo(
          result.passed,
          t('governance.resolution.passed'),
          t('governance.resolution.notPassed'),
          'passed',
        )}
      </Descriptions.Item>
      {result.approvalsRequired.length > 0 ? (
        <Descriptions.Item label={t('governance.resolution.approvals')}>
          {result.approvalsRequired
            .map((a) => t(`governance.resolution.approvalNames.${a}`))
            .join('、')}
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );

  return (
    <Flex vertical gap={16} data-testid="resolution-result">
      {invalid ? (
        <Alert
          type="error"
          showIcon
          title={t('governance.resolution.invalid')}
          data-testid="resolution-invalid"
        />
      ) : (
        outcome
      )}
      <div>
        <Typography.Text strong>{t('governance.resolution.problems')}</Typography.Text>
        {result.problems.length === 0 ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('governance.resolution.noProblems')}
          </Typography.Paragraph>
        ) : (
          <Flex vertical gap={8} style={{ marginTop: 8 }} data-testid="resolution-problems">
            {result.problems.map((p, i) => (
              <Alert
                key={`${p.code}-${i}`}
                type={p.severity === 'error' ? 'error' : 'warning'}
                showIcon
                title={text(p.message)}
                description={p.citation ? text(describeCitation(p.citation)) : undefined}
              />
            ))}
          </Flex>
        )}
      </div>
      {result.citations.length > 0 ? (
        <div>
          <Typography.Text strong>{t('governance.resolution.citations')}</Typography.Text>
          <List
            size="small"
            data-testid="resolution-citations"
            dataSource={result.citations.map((c) => text(describeCitation(c)))}
            renderItem={(line) => <List.Item>{line}</List.Item>}
          />
        </div>
      ) : null}
    </Flex>
  );
}

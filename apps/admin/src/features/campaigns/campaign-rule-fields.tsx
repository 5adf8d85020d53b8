// The rules a campaign sets for its villages (minimum scores, a lower title first, whether the
// township scores every item): the same fields when creating a campaign and when changing it.
import { Col, Form, InputNumber, Row, Switch } from 'antd';
import { useLang } from '../../i18n';

export function CampaignRuleFields() {
  const { t } = useLang();
  return (
    <Row gutter={16}>
      <Col xs={24} sm={8}>
        <Form.Item name="minSelfScore" label={t('campaigns.minSelfScore')}>
          <InputNumber
            min={0}
            precision={2}
            placeholder={t('campaigns.noMinimum')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item name="minAcceptedScore" label={t('campaigns.minAcceptedScore')}>
          <InputNumber
            min={0}
            precision={2}
            placeholder={t('campaigns.noMinimum')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item
          name="requireLowerTitle"
          label={t('campaigns.requireLowerTitle')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name="townshipScoreRequired"
          label={t('campaigns.townshipScoreRequired')}
          valuePropName="checked"
          extra={t('campaigns.townshipScoreRequiredHint')}
        >
          <Switch />
        </Form.Item>
      </Col>
    </Row>
  );
}

import { Segmented } from 'antd';
import { setLang, useLang, type Lang } from '../../i18n';

/** 中文 / English, remembered in localStorage. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const { t, lang } = useLang();
  return (
    <Segmented<Lang>
      size={size}
      value={lang}
      onChange={(value) => void setLang(value)}
      options={[
        { label: t('lang.zh'), value: 'zh' },
        { label: t('lang.en'), value: 'en' },
      ]}
      aria-label={t('lang.switch')}
    />
  );
}

import { Tag } from 'antd';
import { useLang } from '../i18n';
import { levelColors, levelKeys, type DivisionLevel } from '../lib/levels';

function isLevel(level: string): level is DivisionLevel {
  return level in levelKeys;
}

/** 省 / 市 / 县 / 乡镇 / 村（社区） as a coloured tag. */
export function LevelTag({ level }: { level: string }) {
  const { t } = useLang();
  if (!isLevel(level)) return <Tag>{level}</Tag>;
  return (
    <Tag color={levelColors[level]} style={{ marginInlineEnd: 0 }}>
      {t(levelKeys[level])}
    </Tag>
  );
}

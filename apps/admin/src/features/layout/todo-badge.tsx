// The number of 待办 beside 工作台 in the menu, refreshed every minute.
import { useQuery } from '@tanstack/react-query';
import { Badge } from 'antd';
import { useLang } from '../../i18n';
import { trpc } from '../../trpc';

export function TodoBadge() {
  const { t } = useLang();
  const todo = useQuery({ ...trpc.dashboard.todo.queryOptions(), refetchInterval: 60_000 });
  const count = todo.data?.reduce((sum, entry) => sum + entry.count, 0) ?? 0;
  if (count === 0) return null;
  return (
    <span
      style={{ marginInlineStart: 8 }}
      data-testid="menu-todo-count"
      data-count={count}
      aria-label={t('dashboard.todoBadge', { count })}
    >
      <Badge count={count} size="small" overflowCount={99} />
    </span>
  );
}

// `auth.me` decides whether the user is signed in: the layout renders only for a session.
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Flex } from 'antd';
import { Navigate, useLocation } from 'react-router';
import { PageLoading } from '../../components/page-loading';
import { QueryError } from '../../components/query-error';
import { isUnauthorized } from '../../lib/errors';
import { trpc } from '../../trpc';
import { MeContext } from './me-context';

export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const me = useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  if (me.isPending) return <PageLoading minHeight="100vh" />;
  if (me.isError) {
    if (isUnauthorized(me.error)) {
      return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
    }
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 24 }}>
        <QueryError error={me.error} onRetry={() => void me.refetch()} />
      </Flex>
    );
  }
  return <MeContext value={me.data}>{children}</MeContext>;
}

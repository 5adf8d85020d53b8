// The one tRPC client and QueryClient of the SPA (module singletons). Components call
// `useQuery(trpc.x.y.queryOptions(input))` and invalidate with `trpc.x.pathFilter()`.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { AppRouter } from '@fazhi/api';
import { errorCode, isUnauthorized } from './lib/errors';

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();

/** Called when any query answers UNAUTHORIZED (the session ended): the router goes to login. */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

function notifyUnauthorized(error: unknown) {
  if (isUnauthorized(error)) for (const listener of unauthorizedListeners) listener();
}

/** Client errors (4xx) will not succeed on retry; network and server errors may. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  const code = errorCode(error);
  if (code && code !== 'INTERNAL_SERVER_ERROR' && code !== 'TIMEOUT') return false;
  return failureCount < 2;
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: notifyUnauthorized }),
  mutationCache: new MutationCache({
    onError: (error, _vars, _ctx, mutation) => {
      // a failed login is not an ended session
      if (mutation.options.mutationKey?.flat().includes('login')) return;
      notifyUnauthorized(error);
    },
  }),
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

export const trpcClient = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: '/trpc',
      fetch: (url, options) => fetch(url, { ...options, credentials: 'same-origin' }),
    }),
  ],
});

export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });

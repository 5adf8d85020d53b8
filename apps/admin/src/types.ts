import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@fazhi/api';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export type Me = RouterOutputs['auth']['me'];
export type Division = RouterOutputs['divisions']['get'];
export type DivisionSearchHit = RouterOutputs['divisions']['search'][number];
export type UserRow = RouterOutputs['users']['list']['items'][number];
export type AuditEvent = RouterOutputs['audit']['list']['items'][number];

// Types shared by a title's file page, its timeline entries and its dialogs.
import type { RouterOutputs } from '../../types';

export type TitleFile = RouterOutputs['titles']['get'];
export type Entry = RouterOutputs['titles']['timeline']['items'][number];
export type Kind = Entry['kind'];
export const kinds: Kind[] = ['naming', 'check', 'complaint', 'rectification', 'recheck'];
export const kindColors: Record<Kind, string> = {
  naming: 'green',
  check: 'blue',
  complaint: 'orange',
  rectification: 'red',
  recheck: 'purple',
};

/** Which dialog is open, and for which record. */
export type Dialog =
  | { kind: 'check' | 'complaint' | 'issue' }
  | { kind: 'answer'; id: string; version: number }
  | { kind: 'report' | 'complete'; id: string; version: number }
  | { kind: 'decide'; id: string; version: number };

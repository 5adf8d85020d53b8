// What the township pages know about tasks and comments: the row types, and which actions the
// signed-in user may take on a task (the domain's `transitionTask`, the user's scope as actor).
import { parseDivisionCode, taskActorOf, transitionTask, type TaskAction } from '@fazhi/domain';
import type { Me, RouterOutputs } from '../../types';

export type TaskRow = RouterOutputs['tasks']['list']['items'][number];
export type CommentRow = RouterOutputs['comments']['list']['items'][number];

/** Whether `code` lies inside the user's scope. */
export function inScope(me: Me, code: string): boolean {
  if (me.role === 'system_admin') return true;
  const parsed = parseDivisionCode(me.scopeCode);
  return parsed.ok && code.startsWith(parsed.division.prefix);
}

/** Whether the user may do `action` on `task` now. */
export function mayDo(me: Me, task: TaskRow, action: TaskAction): boolean {
  if (me.role === 'inspector') return false;
  const actor = taskActorOf({
    coversAssigner: inScope(me, task.assignerCode),
    coversOwner: inScope(me, task.ownerCode),
  });
  return actor !== null && transitionTask(task, action, actor).ok;
}

export { downloadBase64, todayIso } from '../records/model';

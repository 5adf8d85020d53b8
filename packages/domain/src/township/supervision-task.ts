import type { LocalizedText } from '../localized-text.js';

/**
 * The states of a supervision task (督查督办): 立项交办 → 办理中 → 申请办结 → 已办结, or back to
 * 退回重办 when the assigning office refuses the request to close.
 */
export type TaskState = 'assigned' | 'in_progress' | 'close_requested' | 'returned' | 'closed';

export const taskStates: readonly TaskState[] = [
  'assigned',
  'in_progress',
  'close_requested',
  'returned',
  'closed',
];

export const taskStateNames: Readonly<Record<TaskState, LocalizedText>> = Object.freeze({
  assigned: { zh: '立项交办', en: 'Assigned' },
  in_progress: { zh: '办理中', en: 'In progress' },
  close_requested: { zh: '申请办结', en: 'Closure requested' },
  returned: { zh: '退回重办', en: 'Returned' },
  closed: { zh: '已办结', en: 'Closed' },
});

/** Where a task comes from. */
export type TaskSource = 'key_target' | 'meeting_decision' | 'higher_instruction' | 'complaint';

export const taskSources: readonly TaskSource[] = [
  'key_target',
  'meeting_decision',
  'higher_instruction',
  'complaint',
];

export const taskSourceNames: Readonly<Record<TaskSource, LocalizedText>> = Object.freeze({
  key_target: { zh: '重点目标任务', en: 'Key annual target' },
  meeting_decision: { zh: '会议议定事项', en: 'Meeting decision' },
  higher_instruction: { zh: '上级交办', en: 'Higher-level instruction' },
  complaint: { zh: '群众诉求', en: 'Complaint' },
});

/** The assigning office's rating of a closed task (feeds the annual assessment). */
export type TaskRating = 'satisfied' | 'basically_satisfied' | 'dissatisfied';

export const taskRatings: readonly TaskRating[] = [
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
];

export const taskRatingNames: Readonly<Record<TaskRating, LocalizedText>> = Object.freeze({
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
});

/** What can happen to a task, and who does it. */
export type TaskAction =
  | 'report'
  | 'request_close'
  | 'close'
  | 'return'
  | 'request_extension'
  | 'decide_extension';

/** `assigner`: the assigning office (township or county); `owner`: the owning division or unit. */
export type TaskActor = 'assigner' | 'owner';

export const taskActionActors: Readonly<Record<TaskAction, TaskActor>> = Object.freeze({
  report: 'owner',
  request_close: 'owner',
  close: 'assigner',
  return: 'assigner',
  request_extension: 'owner',
  decide_extension: 'assigner',
});

export interface TaskSnapshot {
  readonly state: TaskState;
  /** A request for a later deadline awaiting the assigning office's decision. */
  readonly extensionPending: boolean;
}

export type TaskTransition =
  | { readonly ok: true; readonly state: TaskState }
  | {
      readonly ok: false;
      readonly code: 'TASK_TRANSITION_NOT_ALLOWED' | 'TASK_ACTOR_NOT_ALLOWED';
      readonly message: LocalizedText;
    };

const open: readonly TaskState[] = ['assigned', 'in_progress', 'returned'];

/**
 * The state a task moves to when `actor` does `action`, or why it may not. Progress moves an
 * assigned or returned task to 办理中; closing and returning need a request to close; an extension
 * may be requested while the task is open and none is pending, and decided only while one is.
 *
 * @example
 * transitionTask({ state: 'assigned', extensionPending: false }, 'report', 'owner');
 * // { ok: true, state: 'in_progress' }
 */
export function transitionTask(
  task: TaskSnapshot,
  action: TaskAction,
  actor: TaskActor,
): TaskTransition {
  const name = taskStateNames[task.state];
  if (taskActionActors[action] !== actor) {
    return {
      ok: false,
      code: 'TASK_ACTOR_NOT_ALLOWED',
      message:
        taskActionActors[action] === 'assigner'
          ? { zh: '只有交办单位可以执行此操作', en: 'Only the assigning office may do this' }
          : { zh: '只有承办单位可以执行此操作', en: 'Only the owning unit may do this' },
    };
  }
  const refuse = (zh: string, en: string): TaskTransition => ({
    ok: false,
    code: 'TASK_TRANSITION_NOT_ALLOWED',
    message: { zh: `任务${name.zh}，${zh}`, en: `The task is ${name.en.toLowerCase()}: ${en}` },
  });
  switch (action) {
    case 'report':
      return open.includes(task.state)
        ? { ok: true, state: 'in_progress' }
        : refuse('不能报送进展', 'progress cannot be reported');
    case 'request_close':
      return open.includes(task.state)
        ? { ok: true, state: 'close_requested' }
        : refuse('不能申请办结', 'closure cannot be requested');
    case 'close':
      return task.state === 'close_requested'
        ? { ok: true, state: 'closed' }
        : refuse('须先由承办单位申请办结', 'the owner must request closure first');
    case 'return':
      return task.state === 'close_requested'
        ? { ok: true, state: 'returned' }
        : refuse(
            '只有申请办结的任务可以退回重办',
            'only a task whose closure is requested can be returned',
          );
    case 'request_extension':
      if (!open.includes(task.state))
        return refuse('不能申请延期', 'no extension can be requested');
      return task.extensionPending
        ? refuse('已有待审批的延期申请', 'an extension request is already pending')
        : { ok: true, state: task.state };
    case 'decide_extension':
      return task.extensionPending
        ? { ok: true, state: task.state }
        : refuse('没有待审批的延期申请', 'no extension request is pending');
  }
}

/**
 * The part a user plays on a task, from what their scope covers: the assigning office whenever
 * it covers the assigner (it does not report on the tasks it assigned, even those of its own
 * villages), else the owner when it covers the owner; null when neither.
 *
 * @example
 * taskActorOf({ coversAssigner: true, coversOwner: true }); // 'assigner' (the township)
 * taskActorOf({ coversAssigner: false, coversOwner: true }); // 'owner' (the village clerk)
 */
export function taskActorOf(scope: {
  readonly coversAssigner: boolean;
  readonly coversOwner: boolean;
}): TaskActor | null {
  if (scope.coversAssigner) return 'assigner';
  return scope.coversOwner ? 'owner' : null;
}

/** Whether a task in `state` still has a deadline to meet (not closed). */
export function isTaskOpen(state: TaskState): boolean {
  return state !== 'closed';
}

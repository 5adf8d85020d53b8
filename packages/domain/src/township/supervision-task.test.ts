import { describe, expect, it } from 'vitest';
import {
  taskActorOf,
  transitionTask,
  type TaskAction,
  type TaskActor,
  type TaskState,
} from './supervision-task.js';

const at = (state: TaskState, extensionPending = false) => ({ state, extensionPending });

describe('transitionTask', () => {
  it.each([
    ['assigned', 'report', 'owner', 'in_progress'],
    ['returned', 'report', 'owner', 'in_progress'],
    ['in_progress', 'report', 'owner', 'in_progress'],
    ['in_progress', 'request_close', 'owner', 'close_requested'],
    ['close_requested', 'close', 'assigner', 'closed'],
    ['close_requested', 'return', 'assigner', 'returned'],
    ['in_progress', 'request_extension', 'owner', 'in_progress'],
  ] as const)('%s + %s by the %s → %s', (state, action, actor, next) => {
    expect(transitionTask(at(state), action, actor)).toEqual({ ok: true, state: next });
  });

  it.each([
    ['in_progress', 'close'],
    ['assigned', 'close'],
    ['in_progress', 'return'],
    ['closed', 'return'],
  ] as const)('a task %s cannot be %s-d', (state, action) => {
    expect(transitionTask(at(state), action, 'assigner')).toMatchObject({
      ok: false,
      code: 'TASK_TRANSITION_NOT_ALLOWED',
    });
  });

  it.each(['report', 'request_close', 'request_extension'] as const)(
    'nothing is %s-ed on a closed task',
    (action) => {
      expect(transitionTask(at('closed'), action, 'owner').ok).toBe(false);
    },
  );

  it.each([
    ['close', 'owner'],
    ['return', 'owner'],
    ['decide_extension', 'owner'],
    ['report', 'assigner'],
    ['request_close', 'assigner'],
  ] as [TaskAction, TaskActor][])('%s by the %s is refused', (action, actor) => {
    expect(transitionTask(at('close_requested', true), action, actor)).toMatchObject({
      ok: false,
      code: 'TASK_ACTOR_NOT_ALLOWED',
    });
  });

  it('an extension is requested once and decided only while pending', () => {
    expect(transitionTask(at('in_progress', true), 'request_extension', 'owner').ok).toBe(false);
    expect(transitionTask(at('in_progress', false), 'decide_extension', 'assigner').ok).toBe(false);
    expect(transitionTask(at('in_progress', true), 'decide_extension', 'assigner')).toEqual({
      ok: true,
      state: 'in_progress',
    });
  });

  it('explains a refusal in Chinese and English', () => {
    const r = transitionTask(at('in_progress'), 'close', 'assigner');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message.zh).toContain('申请办结');
      expect(r.message.en).toContain('request closure');
    }
  });
});

describe('taskActorOf', () => {
  it.each([
    [true, true, 'assigner'],
    [true, false, 'assigner'],
    [false, true, 'owner'],
    [false, false, null],
  ])('covering the assigner %s and the owner %s is %s', (coversAssigner, coversOwner, actor) => {
    expect(taskActorOf({ coversAssigner, coversOwner })).toBe(actor);
  });
});

import { useState } from 'react';
import { api, ApiError, Session } from '../api';

/** What went wrong, kept as what happened (a words key, or the refusal) so its message follows a change of language. */
export type Problem = { key: string } | { caught: unknown };

/**
 * The partner's one way to answer a referral or report its visit: `POST .../handoff/<path>`. A 409
 * saying the task no longer waits at this stage (`goneReason`) means it went away meanwhile.
 */
export function useHandoffPost(session: Session, taskId: string, goneReason: 'not-awaiting-handoff' | 'not-awaiting-visit', onGone: () => void) {
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  async function post(path: string, body: object, onDone: () => void) {
    setSending(true);
    setProblem(undefined);
    try {
      await api(session, 'POST', `/api/d-tasks/${taskId}/handoff/${path}`, body);
      onDone();
    } catch (caught) {
      setSending(false);
      if (caught instanceof ApiError && caught.status === 409 && caught.body.reason === goneReason) return onGone();
      setProblem({ caught });
    }
  }
  return { sending, problem, setProblem, post };
}

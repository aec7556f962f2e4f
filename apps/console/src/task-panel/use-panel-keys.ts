import type { RefObject } from 'react';
import type { Session, TaskDetail } from '../api';
import { useDocumentKeys } from '../desk/use-document-keys';
import { CALLBACK_OUTCOMES } from '../../../../libs/events/src/vocabulary-values';
import type { Drafts } from './task-drafts';
import { bringClearOfHeader } from './scroll-clear';
import { taskRules } from './task-rules';

type Send = (path: string, body?: unknown) => Promise<void>;

/**
 * The panel's keys, heard from the whole desk (not only once the nurse has clicked into the panel):
 * 1–4 a call's outcome, a/d/e to the assessment, the decision and the escalation, r release, c close.
 * Only the holder's panel acts on them, but for c: it acts whenever the close button it names is
 * shown and enabled (a task let go at its escalation). A form a key moves to is scrolled clear of the sticky header.
 */
export function usePanelKeys(root: RefObject<HTMLElement | null>, task: TaskDetail | undefined, session: Session, drafts: Drafts, send: Send, busy = false): void {
  useDocumentKeys((event) => {
    if (!task) return;
    const { canAct, followUpMine, holding, mayClose } = taskRules(task, session, drafts);
    // A key is its button: while a command runs (its buttons disabled) no key sends another.
    const command = (path: string, body?: unknown) => {
      if (!busy) void send(path, body);
    };
    if (event.key === 'c') return mayClose ? command('close') : undefined;
    // Heard from the whole page: a panel opened only to read (a supervisor's look) takes none.
    if (!holding) return;
    const outcome = CALLBACK_OUTCOMES[Number(event.key) - 1];
    if (outcome && followUpMine) return command('follow-up', { outcome });
    if (outcome && canAct) return command('callbacks', { outcome });
    const focus = (selector: string) => {
      const element = root.current?.querySelector<HTMLElement>(selector);
      if (!element) return;
      event.preventDefault();
      element.focus({ preventScroll: true });
      // The whole form the key names, not only its first field: the nurse reads it before typing.
      bringClearOfHeader(element.closest('[data-section]'));
    };
    // The assessment's first field, whatever kind it is (the patient's language comes before the boxes).
    if (event.key === 'a') focus('[data-section=assessment] :is(input, select, textarea)');
    if (event.key === 'd') focus('[data-section=decision] [role=tab][aria-selected=true]');
    if (event.key === 'e') focus('[data-section=escalation] select');
    if (event.key === 'r') command('release');
  });
}

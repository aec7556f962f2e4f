import { useEffect, useRef } from 'react';

/** Fields that take letters as text: a key typed in one is text, not a command. A box or a radio button takes none. */
const TYPING = 'input:not([type=checkbox]):not([type=radio]), textarea, select, [contenteditable=true]';

/**
 * The desk's single-key commands, heard on the whole page from the moment it loads: the nurse need
 * not click into the queue or the panel first. Never while she types in a field, and never with a
 * modifier (the browser's and the screen reader's own keys); Escape leaves the field, so the keys
 * work again without the mouse. The latest `onKey` is called.
 */
export function useDocumentKeys(onKey: (event: KeyboardEvent, target: HTMLElement) => void, enabled = true): void {
  const latest = useRef(onKey);
  latest.current = onKey;
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : document.body;
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'Escape' && target.closest('input, textarea, select')) return target.blur();
      if (target.closest(TYPING)) return;
      // Space and Enter are a box's or a radio button's own: they tick it, they command nothing.
      if (target.matches('input') && (event.key === ' ' || event.key === 'Enter')) return;
      latest.current(event, target);
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [enabled]);
}

import { useEffect, useRef } from 'react';

/**
 * The desk's single-key commands, heard on the whole page from the moment it loads: the nurse need
 * not click into the queue or the panel first. Never while she types in a field, and never with a
 * modifier (the browser's and the screen reader's own keys). The latest `onKey` is called.
 */
export function useDocumentKeys(onKey: (event: KeyboardEvent, target: HTMLElement) => void, enabled = true): void {
  const latest = useRef(onKey);
  latest.current = onKey;
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : document.body;
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (target.closest('input, textarea, select, [contenteditable=true]')) return;
      latest.current(event, target);
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [enabled]);
}

import { RefObject, useEffect, useState } from 'react';

/**
 * The wall mode: full screen where the browser allows it, a CSS mode where it refuses. Leaving full
 * screen by the browser's own means leaves the mode too.
 */
export function useWallMode(root: RefObject<HTMLElement | null>) {
  const [wallMode, setWallMode] = useState(false);

  useEffect(() => {
    const left = () => {
      if (!document.fullscreenElement) setWallMode(false);
    };
    document.addEventListener('fullscreenchange', left);
    return () => document.removeEventListener('fullscreenchange', left);
  }, []);

  async function toggleWallMode() {
    if (!wallMode) {
      setWallMode(true);
      // The CSS mode stands on its own where the browser refuses full screen.
      await root.current?.requestFullscreen?.().catch(() => undefined);
    } else {
      setWallMode(false);
      if (document.fullscreenElement) await document.exitFullscreen().catch(() => undefined);
    }
  }

  /** Escape leaves the CSS mode (in full screen the browser takes Escape itself). */
  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === 'Escape' && wallMode && !document.fullscreenElement) setWallMode(false);
  }

  return { wallMode, toggleWallMode, onKeyDown };
}

import { Browser, chromium } from 'playwright-core';

/** The lookup is plain JS so `npm test` can run it before anything is compiled (scripts/check-chromium.js). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lookup = require('../../scripts/check-chromium.js') as { findChromium(): string | undefined; howToInstall(): string };

/** Flags for a headless run in a container: no sandbox, GPU, background traffic or first-run screens. */
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Where Chromium is (CHROMIUM_PATH, else /usr/bin/chromium); throws one line saying how to install it when it is nowhere. */
export function chromiumPath(): string {
  const path = lookup.findChromium();
  if (!path) throw new Error(lookup.howToInstall());
  return path;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
}

/**
 * Where Debian's Chromium is (CHROMIUM_PATH overrides). The e2e tests never download a browser: without
 * one they are skipped with a loud message, except under CI=true, where a missing browser fails the run.
 */
import { accessSync, constants } from 'node:fs';

export const chromiumInstallHint =
  'Install it with: sudo apt-get update && sudo apt-get install -y chromium   (or set CHROMIUM_PATH to a Chromium binary)';

export function findChromium(): string | null {
  // An explicit CHROMIUM_PATH is the only place looked at, so a wrong one is reported rather than bypassed.
  const candidates = process.env.CHROMIUM_PATH
    ? [process.env.CHROMIUM_PATH]
    : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // Try the next one.
    }
  }
  return null;
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

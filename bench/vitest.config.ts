/**
 * Timeouts sized for a shared, loaded machine (several engineers' test runs on two cores): a test that builds a
 * dataset can take seconds of CPU, and a timeout is not where speed is checked (that is `pnpm bench`).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { testTimeout: 180_000, hookTimeout: 180_000 },
});

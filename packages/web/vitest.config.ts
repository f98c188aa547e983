/**
 * Two projects run by one `vitest run`: component tests in jsdom beside the code (src/**\/*.test.tsx), and
 * end-to-end tests (e2e/*.e2e.test.ts) in node, which start the real planner-api server and drive Chromium.
 */
import solid from 'vite-plugin-solid';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [solid()],
        resolve: { conditions: ['development', 'browser'] },
        test: {
          name: 'components',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['src/test/setup.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.e2e.test.ts'],
          // One browser and one server for the whole file; the scenarios share them and run in order.
          fileParallelism: false,
          // Sized for a loaded shared machine (load average 20 measured): a timeout is not a speed check.
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});

/**
 * Builds the web app into dist/, which planner-api serves at `/`. In development the API runs separately
 * (`pnpm start` on port 3000) and vite proxies `/api` to it.
 */
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

export default defineConfig({
  plugins: [solid()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    // One CSS file and no inline scripts or styles, so the server's Content-Security-Policy can stay strict.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: { '/api': process.env.CERTPLAN_API ?? 'http://127.0.0.1:3000' },
  },
});

// The web app is built into web/dist and served by the Wraparound server on the API's origin.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: 'hidden' },
  css: {
    // govuk-frontend keeps an old-browser hack (`min-width: 0\\0`) the minifier must skip, not fail on.
    lightningcss: { errorRecovery: true },
    preprocessorOptions: {
      scss: { loadPaths: ['node_modules'], quietDeps: true },
    },
  },
  // `pnpm --filter @wraparound/web dev` beside `pnpm dev`: the API stays on its own port.
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000' } },
});

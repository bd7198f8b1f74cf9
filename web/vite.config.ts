import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The SPA calls the API on its own origin under /api, as CloudFront serves it when deployed; the
// local stack names the API stage's URL here and Vite forwards /api/notes to <stage URL>/notes.
// changeOrigin sends the target's Host, like CloudFront's all-headers-except-Host policy.
const apiProxyTarget = process.env.JOTTER_API_PROXY_TARGET;

export default defineConfig({
  plugins: [react()],
  // amazon-cognito-identity-js (and its `buffer` dependency) reference Node's `global`.
  define: { global: 'globalThis' },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    strictPort: true,
    ...(apiProxyTarget
      ? { proxy: { '^/api/': { target: apiProxyTarget, changeOrigin: true, rewrite: (path: string) => path.replace(/^\/api/, '') } } }
      : {}),
  },
  preview: { port: Number(process.env.WEB_PORT ?? 4173) },
  build: {
    target: 'es2022',
    // Kept next to the build for stack traces, but not referenced from the bundles: the publish
    // step does not upload *.map files to the site.
    sourcemap: 'hidden',
  },
});

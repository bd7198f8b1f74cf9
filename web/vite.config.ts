import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // amazon-cognito-identity-js (and its `buffer` dependency) reference Node's `global`.
  define: { global: 'globalThis' },
  server: { port: Number(process.env.WEB_PORT ?? 5173), strictPort: true },
  preview: { port: Number(process.env.WEB_PORT ?? 4173) },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
});

import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Modules of the app chunk: the libraries, the shell, shared components (not the lazy Cognito SDK,
 * nor the diff view and its library, loaded when a comparison opens). The auth forms' fields, error
 * banner and hooks (~1.4 kB gzip) are shared by the auth pages and Settings' change-password form;
 * left alone they become a chunk of their own, one more file for index.html to ask for.
 */
const appShell = (id: string) =>
  /node_modules[/\\](react|react-dom|scheduler|react-router)[/\\]/.test(id) ||
  /[/\\]web[/\\]src[/\\]features[/\\]auth[/\\](hooks[/\\](use-auth-action|use-field-errors)\.|components[/\\](auth-error|auth-fields|password-rules)\.)/.test(id) ||
  (/[/\\]web[/\\]src[/\\](config|app[/\\](app|router|lazy-route|layouts[/\\])|components[/\\]|lib[/\\]|styles[/\\])/.test(id) && !/lib[/\\]auth[/\\]cognito|components[/\\]text-diff/.test(id));

/** The route contract and the schemas it validates with (not the lazily loaded Markdown renderer). */
const contractModules = (id: string) =>
  /[/\\]packages[/\\]shared[/\\]src[/\\](?!markdown)/.test(id) || /node_modules[/\\](\.pnpm[/\\]zod@[^/\\]+[/\\]node_modules[/\\])?zod[/\\]/.test(id);

/**
 * The pages a visit starts on (see the module). Their chunk is preloaded from index.html, in
 * parallel with the entry, instead of after the entry has run (main.tsx then loads the first
 * route's module before the first render, so the page paints without a Suspense fallback).
 */
const firstRouteModules = ['src/app/routes/landing.ts'];

function preloadFirstRoutes(modules: string[]): Plugin {
  return {
    name: 'jotter:preload-first-routes',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk: entry }) {
        if (!bundle || !entry) return [];
        const initial = new Set<string>();
        const addWithImports = (file: string) => {
          const chunk = bundle[file];
          if (initial.has(file) || chunk?.type !== 'chunk') return;
          initial.add(file);
          chunk.imports.forEach(addWithImports);
        };
        addWithImports(entry.fileName);
        const files = new Set<string>();
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !chunk.facadeModuleId) continue;
          const id = chunk.facadeModuleId.replaceAll('\\', '/');
          if (!modules.some((m) => id.endsWith(`/${m}`))) continue;
          for (const file of [chunk.fileName, ...chunk.imports]) if (!initial.has(file)) files.add(file);
        }
        const missing = modules.filter((m) => !Object.values(bundle).some((c) => c.type === 'chunk' && c.facadeModuleId?.replaceAll('\\', '/').endsWith(`/${m}`)));
        if (missing.length > 0) this.error(`no chunk for ${missing.join(', ')} (renamed? update firstRouteModules)`);
        return [...files].map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}

// The SPA calls the API on its own origin under /api, as CloudFront serves it when deployed; the
// local stack names the API stage's URL here and Vite forwards /api/notes to <stage URL>/notes.
// changeOrigin sends the target's Host, like CloudFront's all-headers-except-Host policy.
const apiProxyTarget = process.env.JOTTER_API_PROXY_TARGET;

export default defineConfig({
  plugins: [react(), preloadFirstRoutes(firstRouteModules)],
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
    // One stylesheet for the whole app (~12 kB gzip): the first paint of any page needs one
    // request for its CSS, and later pages never wait for theirs.
    cssCodeSplit: false,
    rolldownOptions: {
      preserveEntrySignatures: false,
      output: {
        codeSplitting: {
          // Everything the entry needs in one chunk (React, the router, the app shell and the small
          // components most pages share) instead of a handful of shared chunks, each a request.
          // The landing pages call the API through the route contract, whose schemas need zod: the
          // contract and zod travel in one chunk, preloaded with the landing pages, instead of three.
          groups: [
            { name: 'app', test: appShell, priority: 1 },
            { name: 'contract', test: contractModules, priority: 0 },
          ],
        },
      },
    },
  },
});

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';
import { QUESTIONNAIRE_CACHE, QUESTIONNAIRE_URL, STAFF_CACHE, STAFF_URL } from './src/offline/cache-names.ts';

// The web app lives in web/ and builds to web/dist, which the API server serves.
// In development (`npm run dev:web`) Vite proxies /api to the API on port 8787.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [
    react(),
    // The installable offline app (docs/decisions/009-offline-app-updates.md): a Workbox service
    // worker that keeps every built file, so the app opens with no signal, and keeps the
    // questionnaires and an enumerator's assignments as last fetched.
    VitePWA({
      // A new version waits until the page says it may take over: between interviews, never mid-way.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        name: 'Trustlens',
        short_name: 'Trustlens',
        description: 'Surveys on trust in the police: answer, interview and follow fieldwork, online or not.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1f4e79',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png}'],
        // SurveyJS's file is larger than Workbox's 2 MiB default.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        // Every page path is the one app page; the API is never answered with it.
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // The first visit is served from the network; the worker takes that page over at once so
        // that what it fetches next (the questionnaire, an assignment list) is kept for offline use.
        clientsClaim: true,
        runtimeCaching: [
          {
            // Fresh from the server whenever it answers within a few seconds (an unchanged
            // questionnaire is a 304), the kept copy when there is no signal.
            urlPattern: QUESTIONNAIRE_URL,
            handler: 'NetworkFirst',
            options: { cacheName: QUESTIONNAIRE_CACHE, networkTimeoutSeconds: 6, cacheableResponse: { statuses: [200] } },
          },
          {
            urlPattern: STAFF_URL,
            handler: 'NetworkFirst',
            options: { cacheName: STAFF_CACHE, networkTimeoutSeconds: 6, cacheableResponse: { statuses: [200] } },
          },
        ],
      },
    }),
    // A brotli and a gzip copy next to each text file, made once at build time, so that the server
    // (api/web-app.ts) sends the smallest one the browser accepts without compressing per request.
    compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(js|mjs|css|html|svg|json|webmanifest)$/, threshold: 1024, logLevel: 'silent' }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // The libraries in files of their own: they change far less often than our code, so after
        // an app update a phone downloads only our small file again, not SurveyJS and React.
        // React first (higher priority): a group takes in what its modules import, so SurveyJS's
        // group would otherwise swallow React, and the respondent's first page would wait for
        // SurveyJS's file, which it is built not to need (pages/SurveyForm.tsx comes later).
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
            { name: 'surveyjs', test: /node_modules[\\/]survey-(core|react-ui)[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8787' } },
});

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

// The web app lives in web/ and builds to web/dist, which the API server serves.
// In development (`npm run dev:web`) Vite proxies /api to the API on port 8787.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [
    react(),
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
        codeSplitting: {
          groups: [
            { name: 'surveyjs', test: /node_modules[\\/]survey-(core|react-ui)[\\/]/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8787' } },
});

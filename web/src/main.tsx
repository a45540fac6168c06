import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { startServiceWorker } from './offline/app-update.ts';
import { startBackgroundSync } from './offline/sync.ts';
import './styles.css';

// The offline app: the page works with no signal after one visit (web/src/offline/).
startServiceWorker();
// Whatever waits on this device (interviews, residents' answers) is sent when the app opens, when
// the connection comes back, and periodically; pages show how it goes.
startBackgroundSync();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

/** Entry point: mounts the app with its session. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { SessionProvider } from './auth/session-context';
import './styles/base.css';
import './styles/layout.css';
import './styles/table.css';
import './styles/charts.css';
import './styles/forms.css';
import './styles/evidence.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <SessionProvider>
      <App />
    </SessionProvider>
  </StrictMode>,
);

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18n, i18nReady } from '../i18n';
import { App } from './App';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('No #root element in index.html');

function start(container: HTMLElement) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

// Dutch is bundled and ready at once; a remembered English first loads its catalogue, so the
// first screen is never drawn in Dutch and then again in English.
if (i18n.isInitialized) start(root);
else
  void i18nReady.then(() => {
    start(root);
  });

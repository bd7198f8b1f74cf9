import './styles/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { preloadRoute } from './app/router';
import { session } from './lib/session';

// The first page's module is loaded before the first render, so it paints at once instead of
// behind a Suspense fallback (its chunk is already on the way: see vite.config.ts). No top-level
// await: a route chunk importing the app chunk while it awaits would deadlock. A failed load is
// left to the route's own lazy load and its error boundary.
function render() {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
void preloadRoute(window.location.pathname, session.getState().status === 'signedIn').then(render, render);

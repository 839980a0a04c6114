import { createPublicApp } from '@greenroom/app-core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// The public bundle, served before sign-in: the sign-in page only. After sign-in it fetches the
// app's cookie and reloads, and the backend then serves the full app (src/index.tsx).
const PublicApp = createPublicApp();

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks <div id="root">');
createRoot(container).render(
  <StrictMode>
    <PublicApp />
  </StrictMode>,
);

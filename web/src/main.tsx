import '@mantine/core/styles.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './app/router.tsx';
import { SessionProvider } from './app/session.tsx';

const theme = createTheme({
  primaryColor: 'blue',
  // System fonts with full Vietnamese coverage on phones, Windows and Linux desks alike.
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
});

// The nonce the server gave this page's <style> elements (Content-Security-Policy, ADR 0010); none in `vite dev`.
const styleNonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} {...(styleNonce ? { getStyleNonce: () => styleNonce } : {})}>
      {/* Date pickers (Vietnamese, weeks from Monday, dd/MM/yyyy) bring their own provider: components/date-field.tsx. */}
      <SessionProvider>
        {/* Declarative routing: the data router's features are not used, and it costs ≈ 15 KB on every page. */}
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </SessionProvider>
    </MantineProvider>
  </StrictMode>,
);

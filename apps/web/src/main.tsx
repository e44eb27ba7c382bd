import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { unstableSetRender } from 'antd-mobile';
import './i18n/index.js';
import { App } from './app.js';
import './global.css';

// antd-mobile's Toast and Dialog render through ReactDOM.render, which React 19 removed; give them createRoot.
unstableSetRender((node, container) => {
  const el = container as (Element | DocumentFragment) & { _gzRoot?: Root };
  el._gzRoot ??= createRoot(el);
  const root = el._gzRoot;
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
    delete el._gzRoot;
  };
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

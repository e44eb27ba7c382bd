import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { PageLoading } from './page-loading.js';

// Each face is its own chunk: the portal never loads antd, the resident app never loads the console.
const PortalApp = lazy(() => import('./portal/portal-app.js'));
const ConsoleApp = lazy(() => import('./console/console-app.js'));
const ResidentApp = lazy(() => import('./resident/resident-app.js'));

/** One build, three faces: the public portal at `/`, the staff console at `/console`, the resident app at `/m`. */
export function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path="/console/*" element={<ConsoleApp />} />
          <Route path="/m/*" element={<ResidentApp />} />
          <Route path="/*" element={<PortalApp />} />
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}

import type { ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { StaffRole } from '../../../domain/access/roles.ts';
import { AgenciesPage } from '../features/agencies/agencies-page.tsx';
import { AgencyFormPage } from '../features/agencies/agency-form-page.tsx';
import { LoginPage } from '../features/auth/login-page.tsx';
import { CalendarPage } from '../features/calendar/calendar-page.tsx';
import { CataloguePage } from '../features/catalogue/catalogue-page.tsx';
import { ProcedurePage } from '../features/catalogue/procedure-page.tsx';
import { CatalogueAdminPage } from '../features/catalogue-admin/admin-list-page.tsx';
import { ProcedureAdminPage } from '../features/catalogue-admin/procedure-admin-page.tsx';
import { DossierLogPage } from '../features/dossier-oversight/dossier-log-page.tsx';
import { WarningsPage } from '../features/dossier-oversight/warnings-page.tsx';
import { DossierPage } from '../features/dossiers/dossier-page.tsx';
import { InboxPage } from '../features/dossiers/inbox-page.tsx';
import { IntakePage } from '../features/dossiers/intake-page.tsx';
import { TrackingPage } from '../features/dossiers/tracking-page.tsx';
import { UserFormPage } from '../features/users/user-form-page.tsx';
import { UsersPage } from '../features/users/users-page.tsx';
import { Home, NotFound, RequireAuth, RequireRole } from './guards.tsx';
import { Layout, PublicLayout } from './layout.tsx';

const adminOnly = (element: ReactNode) => <RequireRole roles={['admin']}>{element}</RequireRole>;
const staffOnly = (element: ReactNode) => <RequireRole roles={StaffRole.options}>{element}</RequireRole>;
const deskOnly = (element: ReactNode) => <RequireRole roles={['deskOfficer']}>{element}</RequireRole>;
// Who the server lets read deadline warnings (leaders) and the dossier log (desk officers and leaders).
const leaderOnly = (element: ReactNode) => <RequireRole roles={['leader']}>{element}</RequireRole>;
const logReaders = (element: ReactNode) => (
  <RequireRole roles={['deskOfficer', 'leader']}>{element}</RequireRole>
);
const dossierStaff = (element: ReactNode) => (
  <RequireRole roles={['deskOfficer', 'specialist', 'leader']}>{element}</RequireRole>
);

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // The public catalogue (niêm yết công khai): readable without an account.
  {
    path: '/thu-tuc',
    element: <PublicLayout />,
    children: [
      { index: true, element: <CataloguePage /> },
      { path: ':code', element: <ProcedurePage /> },
    ],
  },
  // Public tracking of a dossier by the code on its receipt.
  {
    path: '/tra-cuu',
    element: <PublicLayout />,
    children: [
      { index: true, element: <TrackingPage /> },
      { path: ':code', element: <TrackingPage /> },
    ],
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <Layout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Home /> },
      { path: 'admin/agencies', element: adminOnly(<AgenciesPage />) },
      { path: 'admin/agencies/new', element: adminOnly(<AgencyFormPage key="new" />) },
      { path: 'admin/agencies/:id', element: adminOnly(<AgencyFormPage />) },
      { path: 'admin/users', element: adminOnly(<UsersPage />) },
      { path: 'admin/users/new', element: adminOnly(<UserFormPage key="new" />) },
      { path: 'admin/users/:id', element: adminOnly(<UserFormPage />) },
      { path: 'admin/calendar', element: staffOnly(<CalendarPage />) },
      { path: 'admin/procedures', element: adminOnly(<CatalogueAdminPage />) },
      { path: 'admin/procedures/:code', element: adminOnly(<ProcedureAdminPage />) },
      { path: 'ho-so', element: dossierStaff(<InboxPage />) },
      { path: 'ho-so/tiep-nhan', element: deskOnly(<IntakePage />) },
      { path: 'ho-so/canh-bao', element: leaderOnly(<WarningsPage />) },
      { path: 'ho-so/so-theo-doi', element: logReaders(<DossierLogPage />) },
      { path: 'ho-so/:id', element: dossierStaff(<DossierPage />) },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

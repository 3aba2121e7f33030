import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { type RouteObject, useRoutes } from 'react-router';
import { staffRoleNames } from '../../../domain/access/role-names.ts';
import {
  FullPageLoader,
  Home,
  NotFound,
  RequireAuth,
  RequireCitizen,
  RequireRole,
  RequireStaffAccount,
} from './guards.tsx';
import { PortalLayout, PublicLayout } from './portal-layout.tsx';

/**
 * Every page is its own chunk (React.lazy): a citizen opening the portal on a phone downloads the portal's
 * pages, never the back office's tables, editors and PDF dialogs.
 */
function page<M>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

// Back office.
const Layout = page(() => import('./layout.tsx'), 'Layout');
const LoginPage = page(() => import('../features/auth/login-page.tsx'), 'LoginPage');
const AgenciesPage = page(() => import('../features/agencies/agencies-page.tsx'), 'AgenciesPage');
const AgencyFormPage = page(() => import('../features/agencies/agency-form-page.tsx'), 'AgencyFormPage');
const CalendarPage = page(() => import('../features/calendar/calendar-page.tsx'), 'CalendarPage');
const CatalogueAdminPage = page(
  () => import('../features/catalogue-admin/admin-list-page.tsx'),
  'CatalogueAdminPage',
);
const ProcedureAdminPage = page(
  () => import('../features/catalogue-admin/procedure-admin-page.tsx'),
  'ProcedureAdminPage',
);
const DossierLogPage = page(
  () => import('../features/dossier-oversight/dossier-log-page.tsx'),
  'DossierLogPage',
);
const WarningsPage = page(() => import('../features/dossier-oversight/warnings-page.tsx'), 'WarningsPage');
const DashboardPage = page(() => import('../features/reports/dashboard-page.tsx'), 'DashboardPage');
const DrillPage = page(() => import('../features/reports/drill-page.tsx'), 'DrillPage');
const TransparencyPage = page(() => import('../features/reports/transparency-page.tsx'), 'TransparencyPage');
const DossierPage = page(() => import('../features/dossiers/dossier-page.tsx'), 'DossierPage');
const InboxPage = page(() => import('../features/dossiers/inbox-page.tsx'), 'InboxPage');
const IntakePage = page(() => import('../features/dossiers/intake-page.tsx'), 'IntakePage');
const UserFormPage = page(() => import('../features/users/user-form-page.tsx'), 'UserFormPage');
const UsersPage = page(() => import('../features/users/users-page.tsx'), 'UsersPage');

// Public pages and the citizen portal.
const CataloguePage = page(() => import('../features/catalogue/catalogue-page.tsx'), 'CataloguePage');
const ProcedurePage = page(() => import('../features/catalogue/procedure-page.tsx'), 'ProcedurePage');
const TrackingPage = page(() => import('../features/dossiers/tracking-page.tsx'), 'TrackingPage');
const PortalHomePage = page(() => import('../features/portal/portal-home-page.tsx'), 'PortalHomePage');
const SignInPage = page(() => import('../features/portal/account/sign-in-page.tsx'), 'SignInPage');
const SignUpPage = page(() => import('../features/portal/account/sign-up-page.tsx'), 'SignUpPage');
const PasswordResetPage = page(
  () => import('../features/portal/account/password-reset-page.tsx'),
  'PasswordResetPage',
);
const ApplyPage = page(() => import('../features/portal/apply/apply-page.tsx'), 'ApplyPage');
const SubmittedPage = page(() => import('../features/portal/submitted-page.tsx'), 'SubmittedPage');
const MyDossiersPage = page(() => import('../features/portal/my-dossiers-page.tsx'), 'MyDossiersPage');
const MyDossierPage = page(() => import('../features/portal/my-dossier-page.tsx'), 'MyDossierPage');
const PaymentPage = page(() => import('../features/portal/payment-page.tsx'), 'PaymentPage');
const ProfilePage = page(() => import('../features/portal/profile-page.tsx'), 'ProfilePage');
const FeedbackPage = page(() => import('../features/portal/feedback-page.tsx'), 'FeedbackPage');

const adminOnly = (element: ReactNode) => <RequireRole roles={['admin']}>{element}</RequireRole>;
const staffOnly = (element: ReactNode) => <RequireRole roles={staffRoleNames}>{element}</RequireRole>;
const deskOnly = (element: ReactNode) => <RequireRole roles={['deskOfficer']}>{element}</RequireRole>;
// Who the server lets read deadline warnings (leaders) and the dossier log (desk officers and leaders).
const leaderOnly = (element: ReactNode) => <RequireRole roles={['leader']}>{element}</RequireRole>;
const logReaders = (element: ReactNode) => (
  <RequireRole roles={['deskOfficer', 'leader']}>{element}</RequireRole>
);
const dossierStaff = (element: ReactNode) => (
  <RequireRole roles={['deskOfficer', 'specialist', 'leader']}>{element}</RequireRole>
);
const citizenOnly = (element: ReactNode) => <RequireCitizen>{element}</RequireCitizen>;
// Who the server lets read the dashboards (dashboards.policy.ts).
const dashboardReaders = (element: ReactNode) => (
  <RequireRole roles={['leader', 'admin']}>{element}</RequireRole>
);

export const routes: RouteObject[] = [
  {
    path: '/login',
    element: (
      <Suspense fallback={<FullPageLoader />}>
        <LoginPage />
      </Suspense>
    ),
  },
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
  // Public results of the one-stop service (công khai): counts only, no login.
  {
    path: '/cong-khai',
    element: <PublicLayout />,
    children: [{ index: true, element: <TransparencyPage /> }],
  },
  // The citizen portal (dịch vụ công trực tuyến): accounts, applying online, "my dossiers".
  {
    path: '/cong-dan',
    element: <PortalLayout />,
    children: [
      { index: true, element: <PortalHomePage /> },
      { path: 'dang-nhap', element: <SignInPage /> },
      { path: 'dang-ky', element: <SignUpPage /> },
      { path: 'quen-mat-khau', element: <PasswordResetPage /> },
      { path: 'nop-ho-so/:code', element: citizenOnly(<ApplyPage />) },
      { path: 'ho-so', element: citizenOnly(<MyDossiersPage />) },
      { path: 'ho-so/:id', element: citizenOnly(<MyDossierPage />) },
      { path: 'ho-so/:id/da-nop', element: citizenOnly(<SubmittedPage />) },
      { path: 'ho-so/:id/thanh-toan', element: citizenOnly(<PaymentPage />) },
      { path: 'ho-so-ca-nhan', element: citizenOnly(<ProfilePage />) },
      { path: 'phan-anh-kien-nghi', element: <FeedbackPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <RequireStaffAccount>
          <Suspense fallback={<FullPageLoader />}>
            <Layout />
          </Suspense>
        </RequireStaffAccount>
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
      { path: 'bao-cao', element: dashboardReaders(<DashboardPage />) },
      { path: 'bao-cao/ho-so', element: dashboardReaders(<DrillPage />) },
      { path: '*', element: <NotFound /> },
    ],
  },
];

/**
 * The routes, rendered declaratively inside `<BrowserRouter>` (main.tsx): nothing uses the data router's loaders,
 * actions or blockers, and it cost ≈ 15 KB gzipped on every first visit.
 */
export function AppRoutes() {
  return useRoutes(routes);
}

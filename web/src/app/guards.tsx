// Route guards: a screen that needs a session sends the person to sign in; a screen their role
// cannot use says so at its own address (and is not offered in the first place).
import type { ReactNode } from 'react';
import { Navigate, Outlet } from 'react-router';
import { useSession } from '../auth/session.tsx';
import type { Viewer } from '../auth/session.graphql.ts';
import { Loading } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';

export function RequireSignIn() {
  const { state } = useSession();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'signedOut') return <Navigate to="/sign-in" replace />;
  return <Outlet />;
}

export function NotPermitted() {
  return (
    <Page title="You do not have permission to see this page">
      <p className="govuk-body">Your role does not give you access to this page. If you think it should, speak to your partnership administrator.</p>
    </Page>
  );
}

export function Permitted({ when, children }: { when: (viewer: Viewer) => boolean; children: ReactNode }) {
  const { state } = useSession();
  if (state.status !== 'signedIn') return <Navigate to="/sign-in" replace />;
  return when(state.viewer) ? <>{children}</> : <NotPermitted />;
}

export function NotFound({ what = 'Page' }: { what?: string }) {
  return (
    <Page title={`${what} not found`}>
      <p className="govuk-body">If you typed the web address, check it is correct. It may also be a record you do not have access to.</p>
    </Page>
  );
}

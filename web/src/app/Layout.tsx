// The frame round every screen: skip link, service navigation (only what the person may use),
// the main content and the footer.
import { Link, Outlet, useMatch } from 'react-router';
import type { ReactNode } from 'react';
import { useSession } from '../auth/session.tsx';
import { NotificationsProvider, useLiveNotifications } from '../notifications/live.tsx';
import { can } from './permissions.ts';

function NavItem({ to, children }: { to: string; children: ReactNode }) {
  const active = useMatch({ path: to, end: to === '/' }) !== null;
  return (
    <li className={`govuk-service-navigation__item${active ? ' govuk-service-navigation__item--active' : ''}`}>
      <Link to={to} className="govuk-service-navigation__link" aria-current={active ? 'page' : undefined}>
        {active ? <strong className="govuk-service-navigation__active-fallback">{children}</strong> : children}
      </Link>
    </li>
  );
}

/** The unread count beside "Notifications", kept live. */
function NotificationsNavItem() {
  const { unreadCount } = useLiveNotifications();
  return (
    <NavItem to="/notifications">
      Notifications
      {unreadCount ? <> <span className="app-count">{unreadCount}<span className="govuk-visually-hidden"> unread</span></span></> : null}
    </NavItem>
  );
}

export function Layout() {
  const { state } = useSession();
  const viewer = state.status === 'signedIn' ? state.viewer : null;
  // Keyed by the person, so nothing of one person's feed outlives their session in this tab.
  return (
    <NotificationsProvider key={viewer?.id ?? 'nobody'} enabled={viewer !== null}>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
      <header className="govuk-service-navigation" data-module="govuk-service-navigation">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <span className="govuk-service-navigation__service-name">
              <Link to="/" className="govuk-service-navigation__link">Wraparound</Link>
            </span>
            {viewer && (
              <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
                <ul className="govuk-service-navigation__list" id="navigation">
                  <NavItem to="/">Home</NavItem>
                  {can.findChildren(viewer) && <NavItem to="/children">Find a child</NavItem>}
                  {can.requestInformation(viewer) && <NavItem to="/information-requests">Information requests</NavItem>}
                  {can.readEncompass(viewer) && <NavItem to="/encompass">Operation Encompass</NavItem>}
                  {can.readFigures(viewer) && <NavItem to="/figures">Figures</NavItem>}
                  {can.administer(viewer) && <NavItem to="/admin/people">People</NavItem>}
                  {can.administer(viewer) && <NavItem to="/admin/organisations">Organisations</NavItem>}
                  {can.administer(viewer) && <NavItem to="/admin/calendar">Calendar</NavItem>}
                  {can.administer(viewer) && <NavItem to="/admin/ladder">Ladder</NavItem>}
                  {can.administer(viewer) && <NavItem to="/admin/rag-deadlines">RAG deadlines</NavItem>}
                  {can.administer(viewer) && <NavItem to="/admin/missed-deadlines">Missed deadlines</NavItem>}
                  {can.administer(viewer) && <NavItem to="/admin/concern-patterns">Concern patterns</NavItem>}
                  {can.administer(viewer) && <NavItem to="/admin/authenticator-codes">Authenticator codes</NavItem>}
                  {can.administer(viewer) && <NavItem to="/admin/failed-emails">Failed emails</NavItem>}
                  {can.governInformation(viewer) && <NavItem to="/information-governance">Information governance</NavItem>}
                  <NotificationsNavItem />
                  <NavItem to="/sign-out">Sign out</NavItem>
                </ul>
              </nav>
            )}
          </div>
        </div>
      </header>
      <div className="govuk-width-container">
        {viewer && (
          <p className="govuk-body-s govuk-!-margin-top-3 govuk-!-margin-bottom-0">
            Signed in as {viewer.displayName}, {viewer.organisation.name}
          </p>
        )}
        <main className="govuk-main-wrapper" id="main-content">
          <Outlet />
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <p className="govuk-body-s">
                Wraparound: multi-agency safeguarding for the {viewer?.partnership.name ?? 'partnership'}. If a child is in immediate danger, call 999.
              </p>
            </div>
          </div>
        </div>
      </footer>
    </NotificationsProvider>
  );
}

// Every notification the person has had in the app, with a way to change how emails reach them.
import { Link } from 'react-router';
import { Page } from '../components/Page.tsx';
import { NotificationFeed } from './NotificationFeed.tsx';

export function NotificationsPage() {
  return (
    <Page title="Notifications">
      <p className="govuk-body">
        <Link className="govuk-link" to="/notifications/preferences">Change how you get notification emails</Link>
      </p>
      <NotificationFeed pageSize={20} />
    </Page>
  );
}

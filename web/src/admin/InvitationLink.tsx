// A one-time sign-in link, shown to the administrator once (the API keeps only its digest): the
// address to give the person, and when it stops working.
import { formatDateTime } from '../app/format.ts';
import type { Invitation } from './people.graphql.ts';

export const activationLink = (token: string) => `${window.location.origin}/activate#${token}`;

export function InvitationLink({ heading, invitation }: { heading: string; invitation: Invitation }) {
  const link = activationLink(invitation.token);
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="invitation-title">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="invitation-title">Success</h2>
      </div>
      <div className="govuk-notification-banner__content">
        <h3 className="govuk-notification-banner__heading">{heading}</h3>
        <p className="govuk-body">Give them this link to set their password. It works once, until {formatDateTime(invitation.expiresAt)}.</p>
        <p className="govuk-body app-invitation-link"><code id="invitation-link">{link}</code></p>
        <p className="govuk-body govuk-!-font-weight-bold">Copy it now: it is shown only once. If it is lost, create a new sign-in link.</p>
      </div>
    </div>
  );
}

// Every emergency access in the partnership, newest first, reviewed or not: for the IG lead.
import { BackLink } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import { GrantsTable } from './GrantsTable.tsx';

export function EmergencyAccessList() {
  return (
    <>
      <BackLink to="/information-governance">Information governance</BackLink>
      <Page title="Emergency access">
        <p className="govuk-body">Each time someone broke the glass to reach a record they could not otherwise see, newest first. Times are UK time.</p>
        <GrantsTable id="all-grants" caption="All emergency access" unreviewedOnly={false} empty="Nobody has used emergency access." />
      </Page>
    </>
  );
}

// The partnership's people, for the administrator: who has an account, at which organisation,
// with which roles, whether it is active and whether they have set a password. A person can be
// deactivated (or reactivated) and given a new one-time sign-in link, or opened to change their
// details and roles.
import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Submit, Select } from '../components/form.tsx';
import { ButtonLink, Loading, NotificationBanner, ProblemBanner, Table, Tag } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import { InvitationLink } from './InvitationLink.tsx';
import { OrganisationsQuery, PeopleQuery, UserInviteMutation, UserUpdateMutation, type Invitation } from './people.graphql.ts';
import { ROLE_LABELS } from './roles.ts';

const PAGE_SIZE = 50;

export function People() {
  const [params, setParams] = useSearchParams();
  const organisationId = params.get('organisation') ?? '';
  const after = params.get('after');
  const [{ data, fetching, error }, reload] = useQuery({
    query: PeopleQuery, variables: { first: PAGE_SIZE, after, organisationId: organisationId || null },
  });
  const [organisations] = useQuery({ query: OrganisationsQuery });
  const [updating, update] = useMutation(UserUpdateMutation);
  const [inviting, invite] = useMutation(UserInviteMutation);
  const location = useLocation();
  const [banner, setBanner] = useState<string | null>((location.state as { banner?: string } | null)?.banner ?? null);
  const [link, setLink] = useState<{ name: string; invitation: Invitation } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [filter, setFilter] = useState(organisationId);
  const people = data?.users.edges.map((e) => e.node) ?? [];
  const busy = updating.fetching || inviting.fetching;

  const show = (message: string | null, invitation: { name: string; invitation: Invitation } | null, fault: string | null) => {
    setBanner(message);
    setLink(invitation);
    setProblem(fault);
    window.scrollTo(0, 0);
  };

  const setActive = async (userId: string, name: string, active: boolean) => {
    const answer = (await update({ input: { userId, active } })).data?.userUpdate;
    if (answer?.__typename === 'UserUpdateSuccess') {
      show(active ? `${name} has been reactivated` : `${name} has been deactivated and can no longer sign in`, null, null);
      reload({ requestPolicy: 'network-only' });
    } else show(null, null, answer?.message ?? `${name} could not be changed. Try again.`);
  };

  const newLink = async (userId: string, name: string) => {
    const answer = (await invite({ userId })).data?.userInvite;
    if (answer?.__typename === 'UserInviteSuccess') show(null, { name, invitation: answer.invitation }, null);
    else show(null, null, answer?.message ?? `A new sign-in link for ${name} could not be made. Try again.`);
  };

  return (
    <>
      {banner && <NotificationBanner success>{banner}</NotificationBanner>}
      {link && <InvitationLink heading={`New sign-in link for ${link.name}`} invitation={link.invitation} />}
      {problem && <ProblemBanner message={problem} />}
      <Page title="People">
        <p className="govuk-body">Everyone with an account in the partnership. A new person gets a one-time link to set their password.</p>
        <ButtonLink to="/admin/people/new">Add a person</ButtonLink>
        <form className="govuk-!-margin-bottom-6" noValidate onSubmit={(event) => {
          event.preventDefault();
          setParams(filter ? { organisation: filter } : {});
        }}>
          <Select name="organisation" label="Organisation" value={filter} onChange={setFilter} placeholder="All organisations"
            options={(organisations.data?.organisations ?? []).map((o) => ({ value: o.id, label: o.name }))} />
          <Submit busy={false} secondary>Show people</Submit>
        </form>
        {fetching && !data && <Loading />}
        {error && !data && <ProblemBanner message="The people could not be loaded. Try again." />}
        {data && (
          <Table id="people" caption="People" headings={['Name', 'Organisation', 'Roles', 'Account', 'Actions']}
            empty="No one has an account here yet."
            rows={people.map((p) => [
              <>{p.displayName}<br /><span className="govuk-body-s">{p.email}{p.jobTitle ? `, ${p.jobTitle}` : ''}</span></>,
              p.organisation.name,
              p.roles.map((r) => ROLE_LABELS[r]).join(', '),
              <>
                {p.active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Deactivated</Tag>}
                <br /><span className="govuk-body-s">{p.passwordSet ? 'Password set' : 'Password not set yet'}</span>
              </>,
              <div className="app-table-actions">
                <p className="govuk-body govuk-!-margin-bottom-2">
                  <Link className="govuk-link" to={`/admin/people/${p.id}`}>Change<span className="govuk-visually-hidden"> {p.displayName}’s details</span></Link>
                </p>
                <button type="button" className={`govuk-button ${p.active ? 'govuk-button--warning' : 'govuk-button--secondary'}`}
                  disabled={busy} onClick={() => void setActive(p.id, p.displayName, !p.active)}>
                  {p.active ? 'Deactivate' : 'Reactivate'}<span className="govuk-visually-hidden"> {p.displayName}</span>
                </button>
                {p.active && (
                  <button type="button" className="govuk-button govuk-button--secondary" disabled={busy}
                    onClick={() => void newLink(p.id, p.displayName)}>
                    New sign-in link<span className="govuk-visually-hidden"> for {p.displayName}</span>
                  </button>
                )}
              </div>,
            ])} />
        )}
        {data?.users.pageInfo.hasNextPage && data.users.pageInfo.endCursor && (
          <p className="govuk-body">
            <Link className="govuk-link" to={`?${new URLSearchParams({ ...(organisationId ? { organisation: organisationId } : {}), after: data.users.pageInfo.endCursor })}`}>
              More people
            </Link>
          </p>
        )}
      </Page>
    </>
  );
}

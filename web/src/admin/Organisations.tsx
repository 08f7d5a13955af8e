// The partnership's organisations, for the administrator: one table per kind of agency (or just
// the kind chosen), each organisation with its code, whether it is a lead partner, how many people
// there have an active account, and whether it is active; each opens to be changed.
import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { AGENCY_LABELS } from '../app/format.ts';
import { Select, Submit } from '../components/form.tsx';
import { ButtonLink, Loading, NotificationBanner, ProblemBanner, Table, Tag } from '../components/govuk.tsx';
import { Page } from '../components/Page.tsx';
import { AdminOrganisationsQuery, CODES, type AgencyType } from './organisations.graphql.ts';

const TYPES = Object.keys(CODES) as AgencyType[];

export function Organisations() {
  const location = useLocation();
  const [banner] = useState<string | null>((location.state as { banner?: string } | null)?.banner ?? null);
  const [params, setParams] = useSearchParams();
  const shown = TYPES.find((t) => t === params.get('type')) ?? null;
  const [filter, setFilter] = useState<string>(shown ?? '');
  const [{ data, fetching, error }] = useQuery({ query: AdminOrganisationsQuery });
  const organisations = data?.organisations ?? [];

  return (
    <>
      {banner && <NotificationBanner success>{banner}</NotificationBanner>}
      <Page title="Organisations">
        <p className="govuk-body">The agencies in the partnership. People are added to an organisation, and can have only the roles that fit its kind of agency.</p>
        <ButtonLink to="/admin/organisations/new">Add an organisation</ButtonLink>
        <form className="govuk-!-margin-bottom-6" noValidate onSubmit={(event) => {
          event.preventDefault();
          setParams(filter ? { type: filter } : {});
        }}>
          <Select name="type" label="Kind of organisation" value={filter} onChange={setFilter} placeholder="All kinds"
            options={TYPES.map((t) => ({ value: t, label: AGENCY_LABELS[t]! }))} />
          <Submit busy={false} secondary>Show organisations</Submit>
        </form>
        {fetching && !data && <Loading />}
        {error && !data && <ProblemBanner message="The organisations could not be loaded. Try again." />}
        {data && (shown ? [shown] : TYPES).map((type) => {
          const rows = organisations.filter((o) => o.agencyType === type);
          if (!shown && rows.length === 0) return null;
          return (
            <Table key={type} id={`organisations-${type.toLowerCase()}`} caption={`${AGENCY_LABELS[type]} (${rows.length})`}
              headings={['Name', CODES[type].label.replace(' (optional)', ''), 'People', 'Status', 'Action']} numeric={[2]}
              empty="No organisations of this kind yet."
              rows={rows.map((o) => [
                <>{o.name}{o.leadPartner && <><br /><span className="govuk-body-s">Statutory safeguarding partner</span></>}</>,
                o.externalCode ?? 'None',
                o.activePeople ?? 0,
                o.active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Deactivated</Tag>,
                <Link className="govuk-link" to={`/admin/organisations/${o.id}`}>Change<span className="govuk-visually-hidden"> {o.name}</span></Link>,
              ])} />
          );
        })}
      </Page>
    </>
  );
}

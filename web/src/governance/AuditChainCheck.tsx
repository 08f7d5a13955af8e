// Whether the audit trail is intact: every row's hash still chains to the one before. Checked on
// request (it reads the whole trail), and the check is itself recorded.
import { useState } from 'react';
import { useClient } from 'urql';
import type { ResultOf } from '../graphql.ts';
import { ProblemBanner, SummaryList, Tag } from '../components/govuk.tsx';
import { AuditChainQuery } from './governance.graphql.ts';

type Verdict = ResultOf<typeof AuditChainQuery>['auditChain'];

export function AuditChainCheck() {
  const client = useClient();
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const check = async () => {
    setBusy(true);
    const result = await client.query(AuditChainQuery, {}).toPromise();
    setBusy(false);
    setFailed(!result.data);
    setVerdict(result.data?.auditChain ?? null);
  };
  return (
    <section aria-labelledby="audit-trail" className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m" id="audit-trail">Audit trail</h2>
      <p className="govuk-body">Check that no entry in the audit trail has been changed or removed since it was written.</p>
      <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" disabled={busy} aria-disabled={busy} onClick={() => void check()}>
        Check the audit trail
      </button>
      <div role="status">
        {failed && <ProblemBanner message="The audit trail could not be checked. Try again." />}
        {verdict?.__typename === 'AuditChainReport' && (
          <SummaryList rows={[
            ['Result', verdict.intact ? <Tag colour="green">Intact</Tag> : <Tag colour="red">Broken</Tag>],
            ['Entries checked', verdict.checked.toLocaleString('en-GB')],
            ...(verdict.firstBrokenSequence ? [['First entry that does not match', verdict.firstBrokenSequence] as [string, string]] : []),
            ['Latest hash (keep a copy elsewhere)', <code className="app-break-anywhere">{verdict.headHash}</code>],
          ]} />
        )}
        {verdict && verdict.__typename !== 'AuditChainReport' && <ProblemBanner message={verdict.message} />}
      </div>
    </section>
  );
}

import { useViewer } from '../auth/session.tsx';
import { Page } from '../components/Page.tsx';

export function Home() {
  const viewer = useViewer();
  return <Page title="Home" caption={viewer.organisation.name}><p className="govuk-body">Welcome.</p></Page>;
}

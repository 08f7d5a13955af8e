// Sign out: the API ends the session and clears its cookie; the person lands on sign-in.
import { useEffect } from 'react';
import { useMutation } from 'urql';
import { Loading } from '../components/govuk.tsx';
import { SignOutMutation } from './session.graphql.ts';
import { useSession } from './session.tsx';

export function SignOut() {
  const session = useSession();
  const [, signOut] = useMutation(SignOutMutation);
  useEffect(() => {
    void signOut({}).then(() => session.signedOut('You have signed out.'));
    // Once, on arrival.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  return <Loading />;
}

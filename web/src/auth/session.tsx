// Who is signed in, for every screen. The session itself is an HTTP-only cookie the page cannot
// read: the app learns whether it has one by asking `me`, and learns that it has ended from the
// API's UNAUTHENTICATED refusal on any request, which sends the person back to sign in.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { Provider } from 'urql';
import { createClient, sessionEndedMessage, signedOutMessage } from '../app/client.ts';
import { MeQuery, type Viewer } from './session.graphql.ts';

type SessionState =
  | { status: 'loading' }
  | { status: 'signedIn'; viewer: Viewer }
  | { status: 'signedOut'; notice: string | null };

interface Session {
  state: SessionState;
  /** Ask the API who is signed in (after sign-in). */
  refresh(): Promise<void>;
  /** Forget the viewer, with a message for the sign-in page (or none). */
  signedOut(notice: string | null): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const stateRef = useRef(state);
  stateRef.current = state;

  // useNavigate() changes with every location: keep the latest in a ref so the client (and every
  // query using it) is made once, not on each navigation.
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;

  const signedOut = useCallback((notice: string | null) => {
    // At once, not at the next render: the other refusals of the same page arrive in the same
    // moment and must not replace the first one's message or navigate again.
    stateRef.current = { status: 'signedOut', notice };
    setState(stateRef.current);
    navigateRef.current('/sign-in', { replace: true });
  }, []);

  const [client] = useState(() =>
    createClient((message) => {
      // Only a session that was in use has "ended"; a first visit simply needs to sign in.
      if (stateRef.current.status === 'signedIn') signedOut(message);
    }),
  );

  const refresh = useCallback(async () => {
    const result = await client.query(MeQuery, {}).toPromise();
    if (result.data) setState({ status: 'signedIn', viewer: result.data.me });
    else if (signedOutMessage(result.error)) setState({ status: 'signedOut', notice: sessionEndedMessage(result.error) });
    else setState({ status: 'signedOut', notice: 'Wraparound could not be reached. Try again.' });
  }, [client]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const session = useMemo(() => ({ state, refresh, signedOut }), [state, refresh, signedOut]);
  return (
    <SessionContext.Provider value={session}>
      <Provider value={client}>{children}</Provider>
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in person, on screens that are only reached signed in. */
export function useViewer(): Viewer {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useViewer without a session');
  return state.viewer;
}

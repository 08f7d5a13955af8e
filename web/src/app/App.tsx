// Every address the web app answers. Ids in addresses are opaque; nothing about a child (name,
// date of birth, NHS number) ever goes in one.
import { BrowserRouter, Route, Routes } from 'react-router';
import { SessionProvider } from '../auth/session.tsx';
import { SignIn } from '../auth/SignIn.tsx';
import { SignOut } from '../auth/SignOut.tsx';
import { Home } from '../home/Home.tsx';
import { NotFound, RequireSignIn } from './guards.tsx';
import { Layout } from './Layout.tsx';

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route element={<Layout />}>
            <Route path="sign-in" element={<SignIn />} />
            <Route element={<RequireSignIn />}>
              <Route index element={<Home />} />
              <Route path="sign-out" element={<SignOut />} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}

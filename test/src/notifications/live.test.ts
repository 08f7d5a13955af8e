// Live updates through GraphQL subscriptions over SSE, across two server processes on one database:
// what is written through one process is pushed by the other, through PostgreSQL LISTEN/NOTIFY;
// each subscriber receives only their own notifications; a person whose session ended, or whose
// account was deactivated, stops receiving and their stream closes.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Child } from '@wraparound/prisma';
import { startTestApp, type TestApp } from '../support/app.ts';
import type { GraphQLClient } from '../support/graphql.ts';
import { signIn } from '../support/personas.ts';
import { subscribe } from '../support/sse.ts';
import { globalId } from '../access/fixtures.ts';
import { BREAK_GLASS, EMAIL } from '../restrictions/support.ts';

const SECOND_SERVER = fileURLToPath(new URL('../support/serverProcess.ts', import.meta.url));
const LIVE = /* GraphQL */ `subscription { notificationReceived { id kind reference urgent } }`;
const FEED = /* GraphQL */ `query { notifications(first: 100) { edges { node { id } } } }`;
const CONCERN = /* GraphQL */ `
  mutation($input: ConcernRaiseInput!) { concernRaise(input: $input) { __typename ... on ConcernRaiseSuccess { concern { id reference } } } }`;
const REFER = /* GraphQL */ `mutation($id: ID!) { concernRefer(concernId: $id) { __typename ... on Error { message } } }`;
const LOGOUT = /* GraphQL */ `mutation { logout }`;

interface Live {
  id: string;
  kind: string;
  reference: string;
}

let app: TestApp;
let second: ChildProcess;
let secondOrigin: string;
let children: Child[];

beforeAll(async () => {
  app = await startTestApp();
  children = await app.db.child.findMany({ where: { school: { name: 'Oakfield Primary School' }, restrictions: { none: {} } }, orderBy: { id: 'asc' }, take: 4 });
  second = spawn(process.execPath, ['--import', 'tsx', SECOND_SERVER, app.databaseUrl], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    second.once('exit', (code) => reject(new Error(`the second server exited (${code})`)));
    createInterface({ input: second.stdout! }).on('line', (line) => {
      const match = /^listening (\d+)$/.exec(line);
      if (match) resolve(match[1]!);
    });
  });
  secondOrigin = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  if (second && second.exitCode === null) {
    second.kill('SIGTERM');
    await new Promise((resolve) => second.once('exit', resolve));
  }
  await app?.close();
});

async function refer(dsl: GraphQLClient, n: number) {
  const raised = await dsl.request(CONCERN, {
    input: {
      childId: globalId('Child', children[n]!.id), categories: ['NEGLECT'], narrative: 'Arrived hungry and cold again', riskLevel: 'MEDIUM',
      dslInformed: true, occurredAt: new Date(Date.now() - 3600_000).toISOString(),
    },
  });
  const concern = raised.data.concernRaise.concern;
  expect((await dsl.request(REFER, { id: concern.id })).data.concernRefer.__typename).toBe('ConcernReferSuccess');
  return concern.reference as string;
}

const feedIds = async (client: GraphQLClient) => (await client.request(FEED)).data.notifications.edges.map((e: { node: { id: string } }) => e.node.id);

describe('live notifications across two server processes', () => {
  it('each subscriber receives their own, whichever process wrote them, and nothing else', async () => {
    // The MASH worker and the IG lead listen through the second process, the social worker through the first.
    const mash = await signIn(app, EMAIL.mashWorker);
    const socialWorker = await signIn(app, EMAIL.socialWorker);
    const igLead = await signIn(app, EMAIL.igLead);
    const mashLive = await subscribe<{ notificationReceived: Live }>(mash.at(secondOrigin), LIVE);
    const igLive = await subscribe<{ notificationReceived: Live }>(igLead.at(secondOrigin), LIVE);
    const swLive = await subscribe<{ notificationReceived: Live }>(socialWorker, LIVE);

    // Written through the first process: a referral, for the front door.
    const reference = await refer(await signIn(app, EMAIL.dsl), 0);
    // Written through the second: a break-glass, for the IG lead.
    const bg = await (await signIn(app, EMAIL.teamManager)).at(secondOrigin).request(BREAK_GLASS, {
      input: { childId: globalId('Child', children[1]!.id), reason: 'Child missing overnight; police need the history now' },
    });
    expect(bg.data.breakGlass.__typename, bg.raw).toBe('BreakGlassSuccess');

    const [mashGot] = await mashLive.waitFor(1);
    const [swGot] = await swLive.waitFor(1);
    const [igGot] = await igLive.waitFor(1);
    expect(mashGot!.notificationReceived).toMatchObject({ kind: 'REFERRAL_RECEIVED', reference });
    expect(swGot!.notificationReceived).toMatchObject({ kind: 'REFERRAL_RECEIVED', reference });
    expect(igGot!.notificationReceived).toMatchObject({ kind: 'BREAK_GLASS', urgent: true });
    // Each is that person's own notification (in their feed, no one else's).
    expect(await feedIds(mash)).toContain(mashGot!.notificationReceived.id);
    expect(await feedIds(socialWorker)).toContain(swGot!.notificationReceived.id);
    expect(await feedIds(igLead)).toContain(igGot!.notificationReceived.id);
    expect(mashGot!.notificationReceived.id).not.toBe(swGot!.notificationReceived.id);

    // One more referral: by the time everyone has it, nobody has received anything else.
    const again = await refer(await signIn(app, EMAIL.dsl), 2);
    await mashLive.waitFor(2);
    await swLive.waitFor(2);
    expect(mashLive.received.map((r) => r.notificationReceived.reference)).toEqual([reference, again]);
    expect(swLive.received.map((r) => r.notificationReceived.reference)).toEqual([reference, again]);
    expect(igLive.received.map((r) => r.notificationReceived.kind)).toEqual(['BREAK_GLASS']);
    for (const s of [mashLive, swLive, igLive]) {
      expect(s.errors).toEqual([]);
      s.close();
    }
  });

  it('a session that ends, or an account deactivated, stops receiving: the stream closes', async () => {
    const mash = await signIn(app, EMAIL.mashWorker);
    const socialWorker = await signIn(app, EMAIL.socialWorker);
    const teamManager = await signIn(app, EMAIL.teamManager);
    const mashLive = await subscribe<{ notificationReceived: Live }>(mash.at(secondOrigin), LIVE);
    const teamManagerLive = await subscribe<{ notificationReceived: Live }>(teamManager.at(secondOrigin), LIVE);
    const swLive = await subscribe<{ notificationReceived: Live }>(socialWorker, LIVE);

    // The MASH worker signs out (elsewhere); the team manager's account is deactivated by the
    // administrator (no API for that yet: the column the sign-in checks).
    expect((await mash.request(LOGOUT)).data.logout).toBe(true);
    await app.db.user.update({ where: { email: EMAIL.teamManager }, data: { active: false } });

    const reference = await refer(await signIn(app, EMAIL.dsl), 3);
    await swLive.waitFor(1);
    expect(swLive.received[0]!.notificationReceived.reference).toBe(reference);
    // The MASH worker was still a recipient: the event reaches their stream, which checks the
    // session, sends nothing and closes. A deactivated account is no longer anyone's recipient.
    await mashLive.ended;
    expect(mashLive.received).toEqual([]);
    expect(teamManagerLive.received).toEqual([]);
    teamManagerLive.close();
    swLive.close();
    await app.db.user.update({ where: { email: EMAIL.teamManager }, data: { active: true } });
  });

  it('refuses a subscription without a session', async () => {
    const response = await fetch(`${secondOrigin}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: JSON.stringify({ query: LIVE }),
    });
    const text = await response.text();
    expect(text).toContain('Sign in to use Wraparound.');
    expect(text).not.toContain('notificationReceived":{');
  });
});

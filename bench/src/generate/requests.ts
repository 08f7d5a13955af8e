// MASH information requests: social care's front door (and the MASH police researcher) ask one to
// three agencies what they hold on a child, with a RAG deadline from the partnership's configuration
// (red 2, amber 6, green 24 hours). Old requests are answered (a few late, a few withdrawn); the
// last few days' are still open, some overdue. Each asked agency's row has its deadline row.
import type pg from 'pg';
import { copyRows, type Cell } from './copy.ts';
import { referenceOf, uuidAt } from './ids.ts';
import type { Progress } from './progress.ts';
import { DAY, HOUR, MINUTE, type Org, type World, orgsOf, peopleIn, recentMoment, afterwards, rngFor } from './world.ts';

const RAG_HOURS = { RED: 2, AMBER: 6, GREEN: 24 } as const;

export async function writeRequests(pool: pg.Pool, world: World, progress: Progress): Promise<void> {
  const rng = rngFor(world, 'requests');
  const now = world.options.now.getTime();
  const { partnershipId } = world;
  const socialCare = orgsOf(world, 'SOCIAL_CARE')[0]!;
  const mashPolice = world.orgs.find((o) => o.slug === 'mash-police')!;
  const askers = [
    ...peopleIn(world, socialCare.id, ['MASH_WORKER', 'MASH_MANAGER']).map((p) => [p, socialCare] as const),
    ...peopleIn(world, mashPolice.id, ['MASH_POLICE_RESEARCHER']).map((p) => [p, mashPolice] as const),
  ];
  const police = orgsOf(world, 'POLICE').filter((o) => o.id !== mashPolice.id);
  const health = orgsOf(world, 'HEALTH').filter((o) => peopleIn(world, o.id).length > 0);
  const schools = new Map(orgsOf(world, 'SCHOOL').map((o) => [o.id, o]));
  const requests: Cell[][] = [];
  const recipients: Cell[][] = [];
  const deadlines: Cell[][] = [];

  for (let i = 0; i < world.sizes.requests; i++) {
    const child = world.children[rng.int(0, world.children.length - 1)]!;
    const [asker, askingOrg] = rng.pick(askers);
    const rag = rng.weighted([['RED', 10], ['AMBER', 30], ['GREEN', 60]] as const);
    // Two years of requests, denser recently; the newest few hundred still open.
    const created = Math.floor(recentMoment(rng, now, 730 * DAY) - rng.int(1, 120) * MINUTE);
    const dueAt = created + RAG_HOURS[rag] * HOUR;
    const recent = now - created < 3 * DAY;
    const status = recent && rng.chance(0.6) ? 'OPEN' : rng.chance(0.97) ? 'ANSWERED' : 'WITHDRAWN';
    const requestId = uuidAt(rng, created);
    requests.push([
      requestId, partnershipId, referenceOf('REQ', i), child.id, askingOrg.id, asker.id, rag,
      'What do you hold on this child and household, including any contact in the last 12 months?',
      'Strategy discussion: to decide whether section 47 enquiries are needed', new Date(dueAt), status,
      new Date(created), new Date(created),
    ]);
    // Police teams are asked most; health and the child's school often.
    const asked = new Set<Org>();
    const count = rng.weighted([[1, 3], [2, 4], [3, 3]] as const);
    while (asked.size < count) {
      const school = child.schoolId ? schools.get(child.schoolId) : undefined;
      asked.add(rng.weighted<Org>([[rng.pick(police), 5], [rng.pick(health), 3], [school ?? rng.pick(health), 2]]));
    }
    for (const org of asked) {
      const id = uuidAt(rng, created);
      const answered = status === 'ANSWERED' || (status === 'OPEN' && rng.chance(0.3));
      const respondedAt = answered ? Math.floor(afterwards(rng, created, RAG_HOURS[rag] * HOUR * rng.float() * 1.4, now)) : null;
      const responder = answered ? rng.pick(peopleIn(world, org.id, org.agencyType === 'SCHOOL' ? ['DSL', 'DEPUTY_DSL'] : undefined)) : null;
      recipients.push([
        id, partnershipId, requestId, org.id, new Date(dueAt), respondedAt ? new Date(respondedAt) : null, responder?.id ?? null,
        answered ? 'Known to us: two contacts in the last year, details shared on the system.' : null,
        answered ? rng.chance(0.3) : null, new Date(created), new Date(respondedAt ?? created),
      ]);
      // A deadline already past was handled by the sweep when it fell due (or never applied, if answered first).
      const state = dueAt > now ? (answered ? 'CANCELLED' : 'PENDING') : 'DONE';
      deadlines.push([uuidAt(rng, created), partnershipId, 'INFORMATION_REQUEST_DUE', id, '', new Date(dueAt), state, state === 'PENDING' ? null : new Date(Math.min(dueAt, respondedAt ?? dueAt)), new Date(created), new Date(created)]);
    }
  }
  await copyRows(pool, 'information_request', ['id', 'partnershipId', 'reference', 'childId', 'requestingOrganisationId', 'requestedById', 'rag', 'question', 'purpose', 'dueAt', 'status', 'createdAt', 'updatedAt'], requests, progress);
  await copyRows(pool, 'information_request_recipient', ['id', 'partnershipId', 'requestId', 'organisationId', 'dueAt', 'respondedAt', 'respondedById', 'response', 'nothingHeld', 'createdAt', 'updatedAt'], recipients, progress);
  await copyRows(pool, 'deadline', DEADLINE_COLUMNS, deadlines, progress);
}

export const DEADLINE_COLUMNS = ['id', 'partnershipId', 'kind', 'subjectId', 'key', 'dueAt', 'state', 'handledAt', 'createdAt', 'updatedAt'];

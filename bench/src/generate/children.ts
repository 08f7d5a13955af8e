// Children: names and households from the demo's lists, ages 0-17, a school by age and phase, an
// NHS number for 95% and a UPN for every school-age child (both unique, with valid check
// characters), statuses (on a plan, in need, looked after) with the allocated social worker.
import { searchNameOf } from '@wraparound/prisma/identifiers';
import { FAMILY, FLATS, GIVEN_ANY, GIVEN_FEMALE, GIVEN_MALE, POSTCODE_LETTERS, STREETS, TOWNS } from '@wraparound/prisma/seed';
import type pg from 'pg';
import { CopyWriter, copyRows, type Cell } from './copy.ts';
import { NhsNumbers, Upns, uuidAt } from './ids.ts';
import type { Progress } from './progress.ts';
import { DAY, type ChildRef, type Org, type SchoolPhase, type World, orgsOf, peopleIn, rngFor } from './world.ts';

const YEAR = 365.25 * DAY;

function schoolPhaseFor(age: number): SchoolPhase | null {
  if (age >= 2 && age <= 3) return 'early-years';
  if (age >= 4 && age <= 10) return 'primary';
  if (age >= 11 && age <= 15) return 'secondary';
  if (age >= 16) return 'college';
  return null;
}

/** The social worker the chronology benchmark signs in as: allocated to the first child. */
export function chronologySocialWorker(world: World) {
  const socialCare = orgsOf(world, 'SOCIAL_CARE')[0]!;
  return peopleIn(world, socialCare.id, ['SOCIAL_WORKER'])[0]!;
}

export async function writeChildren(pool: pg.Pool, world: World, progress: Progress): Promise<void> {
  const rng = rngFor(world, 'children');
  const now = world.options.now.getTime();
  const { partnershipId } = world;
  const schools = orgsOf(world, 'SCHOOL');
  const byPhase = new Map<SchoolPhase, Org[]>();
  for (const s of schools) byPhase.set(s.phase!, [...(byPhase.get(s.phase!) ?? []), s]);
  const primaries = byPhase.get('primary') ?? schools;
  const socialCare = orgsOf(world, 'SOCIAL_CARE')[0]!;
  const registrars = peopleIn(world, socialCare.id, ['SOCIAL_WORKER', 'MASH_WORKER']);
  const socialWorkers = peopleIn(world, socialCare.id, ['SOCIAL_WORKER']);
  const nhs = new NhsNumbers();
  const upns = new Upns(world.laCode);

  const client = await pool.connect();
  const statuses: Cell[][] = [];
  const assignments: Cell[][] = [];
  try {
    const writer = new CopyWriter(client, 'child', [
      'id', 'partnershipId', 'givenName', 'familyName', 'otherNames', 'dateOfBirth', 'gender', 'nhsNumber', 'upn',
      'addressLine1', 'addressLine2', 'town', 'postcode', 'schoolId', 'searchName', 'createdById', 'createdByOrganisationId',
      'createdAt', 'updatedAt',
    ], progress);
    let household = { familyName: '', address: '', flat: null as string | null, town: '', postcode: '', size: 9 };
    for (let i = 0; i < world.sizes.children; i++) {
      if (household.size >= 4 || !rng.chance(0.3)) {
        const place = rng.pick(TOWNS);
        household = {
          familyName: rng.pick(FAMILY),
          address: `${rng.int(1, 250)} ${rng.pick(STREETS)}`,
          flat: rng.chance(0.15) ? rng.pick(FLATS) : null,
          town: place.town,
          postcode: `${place.district} ${rng.int(1, 9)}${rng.pick([...POSTCODE_LETTERS])}${rng.pick([...POSTCODE_LETTERS])}`,
          size: 0,
        };
      }
      household.size++;
      // The first child is the chronology benchmark's: old enough for years of records.
      const ageDays = i === 0 ? 12 * 365 : rng.int(20, 18 * 365 - 5);
      const dob = new Date(now - ageDays * DAY);
      const dateOfBirth = new Date(Date.UTC(dob.getUTCFullYear(), dob.getUTCMonth(), dob.getUTCDate()));
      const age = Math.floor(ageDays / 365.25);
      const gender = rng.weighted([['FEMALE', 48], ['MALE', 48], ['OTHER', 1], ['NOT_KNOWN', 3]] as const);
      const givenName = gender === 'FEMALE' ? rng.pick(GIVEN_FEMALE) : gender === 'MALE' ? rng.pick(GIVEN_MALE) : rng.pick(GIVEN_ANY);
      const phase = schoolPhaseFor(age);
      const candidates = phase ? byPhase.get(phase) ?? [] : [];
      const school = candidates.length > 0 && (i === 0 || rng.chance(0.93)) ? rng.pick(candidates) : null;
      let upn: string | null = null;
      if (age >= 4 && primaries.length > 0) {
        // Allocated by a primary on entry to reception, the September after the fourth birthday.
        const fourth = new Date(dob.getTime() + 4 * YEAR);
        const year = Math.min(new Date(now).getUTCFullYear(), fourth.getUTCMonth() >= 8 ? fourth.getUTCFullYear() + 1 : fourth.getUTCFullYear());
        upn = upns.next(rng.pick(primaries).establishment!, year);
      }
      const createdAt = new Date(Math.max(dob.getTime() + DAY, now - rng.int(30, Math.min(ageDays, 8 * 365)) * DAY));
      const registrar = rng.pick(registrars);
      const child: ChildRef = { id: uuidAt(rng, createdAt), dateOfBirth, givenName, familyName: household.familyName, schoolId: school?.id ?? null, createdAt: createdAt.getTime() };
      world.children.push(child);
      await writer.row([
        child.id, partnershipId, givenName, household.familyName, null, dateOfBirth, gender, rng.chance(0.95) ? nhs.next() : null, upn,
        household.address, household.flat, household.town, household.postcode, child.schoolId, searchNameOf(givenName, household.familyName),
        registrar.id, socialCare.id, createdAt, createdAt,
      ]);

      // Statuses: ~4% on a plan, ~8% in need, ~2% looked after, each with an allocated social worker.
      const kind = i === 0 ? 'CHILD_PROTECTION_PLAN' : rng.weighted([[null, 86], ['CHILD_PROTECTION_PLAN', 4], ['CHILD_IN_NEED', 8], ['LOOKED_AFTER', 2]] as const);
      if (kind) {
        const started = new Date(Math.max(child.createdAt, now - rng.int(10, 700) * DAY));
        const startedOn = new Date(Date.UTC(started.getUTCFullYear(), started.getUTCMonth(), started.getUTCDate()));
        const worker = i === 0 ? chronologySocialWorker(world) : rng.pick(socialWorkers);
        statuses.push([uuidAt(rng, started), partnershipId, child.id, kind, startedOn, null, worker.id, started, started]);
        assignments.push([uuidAt(rng, started), partnershipId, child.id, worker.id, 'ALLOCATED_SOCIAL_WORKER', started, null, started, started]);
      }
    }
    await writer.end();
  } finally {
    client.release();
  }
  await copyRows(pool, 'child_status_period', ['id', 'partnershipId', 'childId', 'kind', 'startedOn', 'endedOn', 'recordedById', 'createdAt', 'updatedAt'], statuses, progress);
  await copyRows(pool, 'child_assignment', ['id', 'partnershipId', 'childId', 'userId', 'role', 'startedAt', 'endedAt', 'createdAt', 'updatedAt'], assignments, progress);
}

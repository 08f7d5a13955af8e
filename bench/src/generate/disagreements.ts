// Professional disagreements at every stage and in every state, with the stage history and the
// clock rows the product itself would have written: each stage's due time and escalation time come
// from the ladder through the product's working-day calendar (schema/src/calendar), its reminder,
// expiry and escalation deadlines are DONE when they fell due before the stage was left, CANCELLED
// when the stage was left first, and PENDING only for the open stage's future ones. An open
// disagreement below the final stage is therefore always inside its stage's time plus grace (else
// the clock would already have moved it up); closed ones climbed by hand or by the clock.
import type { Role } from '@wraparound/prisma';
import { DEFAULT_CALENDAR, addCalendarHours, addWorkingDays, deadlineFor, pointInLimit } from '@wraparound/schema/calendar';
import type pg from 'pg';
import { copyRows, type Cell } from './copy.ts';
import { referenceOf, uuidAt } from './ids.ts';
import type { Progress } from './progress.ts';
import { DEADLINE_COLUMNS } from './requests.ts';
import { DAY, HOUR, type LadderStageRef, type Org, type World, orgsOf, peopleIn, rngFor } from './world.ts';

interface StageTimes { enteredAt: number; dueAt: number; escalatesAt: number | null }

/** What enterStage (schema/src/disagreements/stageClock.ts) computes for a stage entered at `at`. */
function stageTimes(world: World, stage: LadderStageRef, at: number, urgent: boolean): StageTimes {
  const dueAt = urgent ? addCalendarHours(new Date(at), world.ladder.urgentLimitHours) : deadlineFor(DEFAULT_CALENDAR, new Date(at), stage.limitAmount, 'WORKING_DAYS');
  const escalatesAt = stage.escalateAfterGraceWorkingDays == null ? null
    : stage.escalateAfterGraceWorkingDays === 0 || urgent ? dueAt : addWorkingDays(DEFAULT_CALENDAR, dueAt, stage.escalateAfterGraceWorkingDays);
  return { enteredAt: at, dueAt: dueAt.getTime(), escalatesAt: escalatesAt?.getTime() ?? null };
}

interface StagePlan extends StageTimes { stage: LadderStageRef; exitedAt: number | null; exit: string | null }

const PRACTITIONER_ROLES: Role[] = ['DSL', 'DEPUTY_DSL', 'POLICE_OFFICER', 'HEALTH_VISITOR', 'SCHOOL_NURSE', 'GP', 'EARLY_HELP_PRACTITIONER'];

export async function writeDisagreements(pool: pg.Pool, world: World, progress: Progress): Promise<void> {
  const rng = rngFor(world, 'disagreements');
  const now = world.options.now.getTime();
  const { partnershipId, ladder } = world;
  const stages = ladder.stages;
  const socialCare = orgsOf(world, 'SOCIAL_CARE')[0]!;
  // Raised by practitioners: those who act for the raiser at the first stage.
  const raisersIn = (org: Org) => peopleIn(world, org.id, stages[0]!.raiserRoles.filter((r) => PRACTITIONER_ROLES.includes(r)));
  const health = orgsOf(world, 'HEALTH').filter((o) => raisersIn(o).length > 0);
  const police = orgsOf(world, 'POLICE').filter((o) => raisersIn(o).length > 0);
  const earlyHelp = orgsOf(world, 'EARLY_HELP')[0]!;
  const schools = new Map(orgsOf(world, 'SCHOOL').map((o) => [o.id, o]));
  const socialWorkers = peopleIn(world, socialCare.id, ['SOCIAL_WORKER']);
  const rows = { disagreement: [] as Cell[][], stage: [] as Cell[][], deadline: [] as Cell[][] };

  for (let i = 0; i < world.sizes.disagreements; i++) {
    const child = world.children[rng.int(0, world.children.length - 1)]!;
    const school = child.schoolId ? schools.get(child.schoolId) : undefined;
    const raising: Org = rng.weighted<Org>([[school ?? rng.pick(health), 60], [rng.pick(police), 15], [rng.pick(health), 15], [earlyHelp, 10]]);
    const responding = raising.agencyType === 'POLICE' || rng.chance(0.8) ? socialCare : rng.pick(police);
    const raiser = rng.pick(raisersIn(raising));
    const status = rng.weighted([['OPEN', 30], ['RESOLVED', 55], ['WITHDRAWN', 15]] as const);
    const position = rng.weighted(status === 'OPEN' ? [[1, 40], [2, 30], [3, 20], [4, 10]] as const : [[1, 50], [2, 30], [3, 15], [4, 5]] as const);
    const urgent = rng.chance(0.05);
    const startPosition = urgent ? rng.int(1, position) : 1;

    // The stages it passed through, start to now.
    const plan: StagePlan[] = [];
    if (status === 'OPEN') {
      // Entered its current stage recently enough that the clock has not yet moved it up.
      const stage = stages[position - 1]!;
      const window = urgent ? 3.5 * HOUR : stage.escalateAfterGraceWorkingDays == null ? 30 * DAY : 6 * DAY;
      let times = stageTimes(world, stage, now - rng.float() * window, urgent);
      if (times.escalatesAt !== null && times.escalatesAt <= now) times = stageTimes(world, stage, now - HOUR / 2, urgent);
      plan.unshift({ ...times, stage, exitedAt: null, exit: null });
      // Earlier stages were left by hand, before their time was up.
      for (let p = position - 1; p >= startPosition; p--) {
        const exitedAt = plan[0]!.enteredAt;
        const enteredAt = exitedAt - (urgent ? rng.int(30, 200) * 60_000 : rng.int(4, 96) * HOUR);
        plan.unshift({ ...stageTimes(world, stages[p - 1]!, enteredAt, urgent), stage: stages[p - 1]!, exitedAt, exit: 'ESCALATED_BY_HAND' });
      }
    } else {
      let at = now - rng.int(60, 720) * DAY;
      for (let p = startPosition; p <= position; p++) {
        const stage = stages[p - 1]!;
        const times = stageTimes(world, stage, at, urgent);
        let exitedAt: number;
        let exit: string;
        if (p < position) {
          const byClock = times.escalatesAt !== null && rng.chance(0.3);
          exitedAt = byClock ? times.escalatesAt! : at + (times.dueAt - at) * rng.float() * 0.9;
          exit = byClock ? 'ESCALATED_BY_CLOCK' : 'ESCALATED_BY_HAND';
        } else {
          // Settled in its stage's time, or (one in five) during the grace period after it.
          const limit = rng.chance(0.2) && times.escalatesAt !== null ? times.escalatesAt : times.dueAt;
          exitedAt = at + (limit - at) * (0.05 + 0.9 * rng.float());
          exit = status;
        }
        plan.push({ ...times, stage, exitedAt, exit });
        at = exitedAt;
      }
    }

    const id = uuidAt(rng, plan[0]!.enteredAt);
    const last = plan[plan.length - 1]!;
    const closedAt = last.exitedAt;
    const decisionDate = new Date(plan[0]!.enteredAt - rng.int(1, 2) * DAY);
    rows.disagreement.push([
      id, partnershipId, referenceOf('DIS', i), child.id, ladder.id, raiser.id, raising.id, responding.id,
      responding === socialCare && rng.chance(0.5) ? rng.pick(socialWorkers).id : null,
      'The decision not to progress the referral to an assessment', new Date(Date.UTC(decisionDate.getUTCFullYear(), decisionDate.getUTCMonth(), decisionDate.getUTCDate())),
      rng.pick(ladder.reasons), 'Three concerns in four weeks, with a disclosure; chronology attached.', 'A child and family assessment under section 17',
      urgent ? 'URGENT' : 'STANDARD', urgent ? 'Child is due to return home tomorrow' : null, urgent && rng.chance(0.5), status, last.stage.position,
      status === 'OPEN' ? new Date(last.dueAt) : null, status === 'OPEN' && last.dueAt <= now,
      status === 'RESOLVED' ? new Date(closedAt!) : null, status === 'RESOLVED' ? last.stage.position : null,
      status === 'RESOLVED' ? 'Agreed that an assessment will start; the school will share attendance weekly.' : null,
      status === 'RESOLVED' && rng.chance(0.3) ? 'Threshold guidance was read differently by the two agencies.' : null,
      status === 'RESOLVED' && rng.chance(0.3) ? ['threshold', 'communication'] : [],
      status === 'RESOLVED' ? rng.chance(0.2) : null,
      status === 'WITHDRAWN' ? new Date(closedAt!) : null, status === 'WITHDRAWN' ? 'New information resolved the difference' : null,
      plan.length + (status === 'OPEN' ? 0 : 1), new Date(plan[0]!.enteredAt), new Date(closedAt ?? last.enteredAt),
    ]);

    for (const s of plan) {
      const stageId = uuidAt(rng, s.enteredAt);
      const clock = urgent ? 'CALENDAR_HOURS' : 'WORKING_DAYS';
      const until = s.exitedAt ?? now; // what the clock has seen of this stage
      const deadlines: [string, string, number][] = [
        ...s.stage.reminderPercents.map((p) => ['STAGE_REMINDER', String(p), pointInLimit(DEFAULT_CALENDAR, new Date(s.enteredAt), new Date(s.dueAt), p / 100, clock).getTime()] as [string, string, number]),
        ['STAGE_EXPIRY', '', s.dueAt],
        ...(s.escalatesAt !== null ? [['STAGE_ESCALATION', '', s.escalatesAt] as [string, string, number]] : []),
      ];
      const reminded = s.stage.reminderPercents.filter((_, k) => deadlines[k]![2] <= until);
      rows.stage.push([
        stageId, partnershipId, id, s.stage.id, s.stage.position, new Date(s.enteredAt), new Date(s.dueAt),
        s.dueAt <= until ? new Date(s.dueAt) : null, s.escalatesAt !== null ? new Date(s.escalatesAt) : null, reminded,
        s.exitedAt !== null ? new Date(s.exitedAt) : null, s.exit, s.exit === 'ESCALATED_BY_CLOCK' || s.exit === null ? null : raiser.id,
        s.exit === 'ESCALATED_BY_HAND' ? 'No agreement reached at this stage' : s.exit === 'ESCALATED_BY_CLOCK' ? 'The stage’s time and grace period ran out' : null,
        new Date(s.enteredAt), new Date(until),
      ]);
      for (const [kind, key, dueAt] of deadlines) {
        const state = dueAt <= until ? 'DONE' : s.exitedAt !== null ? 'CANCELLED' : 'PENDING';
        rows.deadline.push([uuidAt(rng, s.enteredAt), partnershipId, kind, stageId, key, new Date(dueAt), state,
          state === 'DONE' ? new Date(dueAt) : state === 'CANCELLED' ? new Date(s.exitedAt!) : null, new Date(s.enteredAt), new Date(state === 'PENDING' ? s.enteredAt : until)]);
      }
    }
  }
  await copyRows(pool, 'disagreement', [
    'id', 'partnershipId', 'reference', 'childId', 'ladderId', 'raisedById', 'raisingOrganisationId', 'respondingOrganisationId',
    'respondingUserId', 'decisionChallenged', 'decisionDate', 'reasonCode', 'evidence', 'outcomeSought', 'urgency', 'urgentReason',
    'immediateRisk', 'status', 'currentPosition', 'currentDueAt', 'overdue', 'resolvedAt', 'resolvedAtPosition', 'outcomeStatement',
    'learning', 'themes', 'systemIssueFound', 'withdrawnAt', 'withdrawnReason', 'version', 'createdAt', 'updatedAt',
  ], rows.disagreement, progress);
  await copyRows(pool, 'disagreement_stage', [
    'id', 'partnershipId', 'disagreementId', 'ladderStageId', 'position', 'enteredAt', 'dueAt', 'overdueAt', 'escalatesAt',
    'remindersSent', 'exitedAt', 'exit', 'exitedById', 'exitReason', 'createdAt', 'updatedAt',
  ], rows.stage, progress);
  await copyRows(pool, 'deadline', DEADLINE_COLUMNS, rows.deadline, progress);
}

// For the ladder editor: the deadline a stage's time limit gives, counted in the partnership's own
// calendar (bank holidays, closure days, office hours, Europe/London), from today or a given time.
import { builder } from '../builder.ts';
import { calendarOf } from '../calendar/partnershipCalendar.ts';
import { deadlineFor } from '../calendar/workingTime.ts';
import { ClockKindEnum } from '../common/enums.ts';
import { type FieldProblem, ValidationError } from '../common/failures.ts';
import { limitProblem } from './ladderRules.ts';

const LadderLimitInput = builder.inputType('LadderLimitInput', {
  description: "A stage's time limit.",
  fields: (t) => ({
    amount: t.int(),
    clock: t.field({ type: ClockKindEnum }),
  }),
});

interface Preview {
  from: Date;
  dueAt: Date;
}

const LadderDeadlinePreview = builder.objectRef<Preview>('LadderDeadlinePreview').implement({
  description: 'When a stage entered at `from` would be due.',
  fields: (t) => ({
    from: t.expose('from', { type: 'DateTime' }),
    dueAt: t.expose('dueAt', { type: 'DateTime' }),
  }),
});

/** Far enough for any real preview; keeps the calendar away from dates it cannot sensibly count. */
const PREVIEW_RANGE_MS = 10 * 366 * 24 * 3600_000;

builder.queryField('escalationLadderPreview', (t) =>
  t.field({
    type: LadderDeadlinePreview,
    description: "The deadline a stage limit gives from `from` (default now) in your partnership's calendar.",
    errors: { types: [ValidationError], directResult: true, union: { name: 'EscalationLadderPreviewResult' } },
    args: {
      stageLimit: t.arg({ type: LadderLimitInput, required: true }),
      from: t.arg({ type: 'DateTime', required: false }),
    },
    resolve: async (_root, { stageLimit, from }, ctx) => {
      const now = ctx.now();
      const start = from ?? now;
      const problems: FieldProblem[] = [];
      const limit = limitProblem(stageLimit.amount, stageLimit.clock);
      if (limit) problems.push({ path: ['stageLimit', 'amount'], message: limit });
      if (Math.abs(start.getTime() - now.getTime()) > PREVIEW_RANGE_MS) {
        problems.push({ path: ['from'], message: 'Preview from a time within ten years of today' });
      }
      if (problems.length) throw new ValidationError(problems);
      const calendar = await calendarOf(ctx.db, ctx.viewer!.partnershipId);
      return { from: start, dueAt: deadlineFor(calendar, start, stageLimit.amount, stageLimit.clock) };
    },
  }),
);

// The figures a partnership watches, for its dashboard (docs/domain.md): referrals by source agency and
// the front door's timeliness, with the referrals waiting for a decision now; information requests
// answered in time; Operation Encompass notifications delivered and acknowledged before the next
// school day; and how disagreements climb the ladder. Whatever is still not done after its
// deadline counts as late (figures.queries.ts, timeliness).
// Only the partnership's officers and administrator ask (figures.rules.ts); the read is audited,
// with the period and no child.
import { abilityOf } from '../access/ability.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { type FieldProblem, NotAuthorisedError, ValidationError } from '../common/failures.ts';
import { partnershipFigures } from './figures.queries.ts';
import { PartnershipFiguresType } from './figures.type.ts';

const MAX_YEARS = 3;

function periodProblems(from: Date, to: Date): FieldProblem[] {
  if (from.getTime() >= to.getTime()) return [{ path: ['to'], message: 'The end of the period must be after its start' }];
  const limit = new Date(from);
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_YEARS);
  if (to.getTime() > limit.getTime()) return [{ path: ['to'], message: `The period can be at most ${MAX_YEARS} years long` }];
  return [];
}

builder.queryField('partnershipFigures', (t) =>
  t.field({
    type: PartnershipFiguresType,
    description:
      "Your partnership's figures for records created in [from, to), at most three years: for its business manager, " +
      'delegated safeguarding partners, independent scrutineer and administrator.',
    errors: { types: [ValidationError, NotAuthorisedError], directResult: true, union: { name: 'PartnershipFiguresResult' } },
    args: {
      from: t.arg({ type: 'DateTime', required: true }),
      to: t.arg({ type: 'DateTime', required: true, description: 'Exclusive.' }),
    },
    resolve: async (_root, { from, to }, ctx) => {
      if (!abilityOf(ctx).can('read', 'PartnershipFigures')) {
        throw new NotAuthorisedError("Only the partnership's officers and its administrator see the partnership's figures");
      }
      const problems = periodProblems(from, to);
      if (problems.length) throw new ValidationError(problems);
      const figures = await partnershipFigures(ctx.db, ctx.viewer!.partnershipId, { from, to }, ctx.now());
      await recordAudit(ctx.db, ctx, { action: 'figures.read', subjectType: 'PartnershipFigures', detail: { from: from.toISOString(), to: to.toISOString() } });
      return figures;
    },
  }),
);

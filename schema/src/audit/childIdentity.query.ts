// For the information-governance lead, who reads no child's record but must answer "who has seen
// this child's record": find the child whose access log to open, and know whose log it is. Names
// and date of birth only, never statuses, entries or identifiers. The search is narrow: an exact
// NHS number or UPN, or a name together with the date of birth (no browsing by name). Every
// answer that names a child is logged.
import { isValidNhsNumber, isValidUpn, normaliseNhsNumber, normaliseUpn } from '@wraparound/prisma/identifiers';
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { builder } from '../builder.ts';
import { ValidationError, type FieldProblem } from '../common/failures.ts';
import { idOf } from '../common/ids.ts';
import { findCandidates, searchTermProblems } from '../children/matching.ts';
import { recordAudit } from './record.ts';

export const ChildIdentityType = builder.prismaObject('Child', {
  variant: 'ChildIdentity',
  description: "Who a child is, and nothing of their record: for the information-governance lead's access log.",
  fields: (t) => ({
    id: t.globalID({ resolve: (c) => ({ type: 'Child', id: c.id }) }),
    givenName: t.exposeString('givenName'),
    familyName: t.exposeString('familyName'),
    dateOfBirth: t.expose('dateOfBirth', { type: 'Date' }),
    restricted: t.boolean({
      description: "The child's whole record is under an active restriction.",
      select: { restrictions: { where: { liftedAt: null }, select: { id: true } } },
      resolve: (c) => c.restrictions.length > 0,
    }),
  }),
});

const ChildIdentitySearchInput = builder.inputType('ChildIdentitySearchInput', {
  fields: (t) => ({
    nhsNumber: t.string({ required: false }),
    upn: t.string({ required: false }),
    givenName: t.string({ required: false }),
    familyName: t.string({ required: false }),
    dateOfBirth: t.field({ type: 'Date', required: false, description: 'Needed with a name.' }),
  }),
});

const ChildIdentitySearchSuccess = builder.objectRef<{ ids: string[] }>('ChildIdentitySearchSuccess').implement({
  fields: (t) => ({
    children: t.prismaField({
      type: [ChildIdentityType],
      resolve: async (query, { ids }, _args, ctx) => {
        const found = await ctx.db.child.findMany({ ...query, where: { id: { in: ids } } });
        return ids.flatMap((id) => found.filter((c) => c.id === id));
      },
    }),
  }),
});

builder.queryField('childIdentitySearch', (t) =>
  t.field({
    type: ChildIdentitySearchSuccess,
    description: 'Find a child to open their access log: by NHS number, UPN, or name and date of birth. Empty unless you are the information-governance lead.',
    errors: { types: [ValidationError], directResult: true, union: { name: 'ChildIdentitySearchResult' } },
    args: { input: t.arg({ type: ChildIdentitySearchInput }) },
    resolve: async (_root, { input }, ctx) => {
      const ability = abilityOf(ctx);
      const tooLong = searchTermProblems(input);
      if (tooLong.length) throw new ValidationError(tooLong);
      const nhsNumber = input.nhsNumber?.trim() ? normaliseNhsNumber(input.nhsNumber) : null;
      const upn = input.upn?.trim() ? normaliseUpn(input.upn) : null;
      const named = `${input.givenName ?? ''}${input.familyName ?? ''}`.trim().length >= 3;
      const problems: FieldProblem[] = [];
      if (nhsNumber && !isValidNhsNumber(nhsNumber)) problems.push({ path: ['input', 'nhsNumber'], message: 'Enter a valid NHS number' });
      if (upn && !isValidUpn(upn)) problems.push({ path: ['input', 'upn'], message: 'Enter a valid UPN' });
      if (named && !input.dateOfBirth && !nhsNumber && !upn) {
        problems.push({ path: ['input', 'dateOfBirth'], message: 'Enter the date of birth as well as the name' });
      }
      if (!nhsNumber && !upn && !named) {
        problems.push({ path: ['input'], message: 'Search by NHS number, UPN, or a name of at least 3 letters and a date of birth' });
      }
      if (problems.length) throw new ValidationError(problems);
      if (!ability.can('identify', 'Child')) return { ids: [] };

      const candidates = await findCandidates(ctx.db, ctx.viewer!.partnershipId, {
        nhsNumber, upn, givenName: input.givenName, familyName: input.familyName, dateOfBirth: input.dateOfBirth,
      }, 10);
      // A name is only looked at with its date of birth (findCandidates matches the date exactly).
      const ids = candidates.filter((c) => c.matchedOn !== 'NAME').map((c) => c.id);
      const allowed = await ctx.db.child.findMany({
        where: { AND: [accessibleWhere(ability, 'identify', 'Child'), { id: { in: ids } }] },
        select: { id: true },
      });
      const shown = ids.filter((id) => allowed.some((a) => a.id === id));
      await recordAudit(ctx.db, ctx, { action: 'child.identity_search', detail: { childIds: shown } });
      return { ids: shown };
    },
  }),
);

builder.queryField('childIdentity', (t) =>
  t.prismaField({
    type: ChildIdentityType,
    nullable: true,
    description: 'Who a child is (names and date of birth), for the information-governance lead. Null for anyone else.',
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idOf(args.id, 'Child');
      if (!id) return null;
      const child = await ctx.db.child.findFirst({
        ...query,
        where: { AND: [accessibleWhere(abilityOf(ctx), 'identify', 'Child'), { id }] },
      });
      if (child) await recordAudit(ctx.db, ctx, { action: 'child.identify', subjectType: 'Child', subjectId: child.id, childId: child.id });
      return child;
    },
  }),
);

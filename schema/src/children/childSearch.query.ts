// Find a child before recording a new one: by NHS number or UPN exactly, or by name (and date of
// birth) tolerantly, best match first. Only children the viewer may see are returned; what was
// returned is audited by id (appearing in a search result is itself a disclosure).
import { isValidNhsNumber, isValidUpn, normaliseNhsNumber, normaliseUpn } from '@wraparound/prisma/identifiers';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { ValidationError } from '../common/failures.ts';
import { ChildMatchType, visibleMatches } from './childMatch.type.ts';
import { findCandidates, searchTermProblems } from './matching.ts';

const ChildSearchInput = builder.inputType('ChildSearchInput', {
  fields: (t) => ({
    nhsNumber: t.string({ required: false }),
    upn: t.string({ required: false }),
    givenName: t.string({ required: false }),
    familyName: t.string({ required: false }),
    dateOfBirth: t.field({ type: 'Date', required: false }),
  }),
});

const ChildSearchSuccess = builder.objectRef<{ matches: Awaited<ReturnType<typeof visibleMatches>> }>('ChildSearchSuccess').implement({
  fields: (t) => ({ matches: t.field({ type: [ChildMatchType], resolve: (r) => r.matches }) }),
});

builder.queryField('childSearch', (t) =>
  t.field({
    type: ChildSearchSuccess,
    errors: { types: [ValidationError], directResult: true, union: { name: 'ChildSearchResult' } },
    args: { input: t.arg({ type: ChildSearchInput }) },
    resolve: async (_root, { input }, ctx) => {
      const nhsNumber = input.nhsNumber ? normaliseNhsNumber(input.nhsNumber) : null;
      const upn = input.upn ? normaliseUpn(input.upn) : null;
      const problems = searchTermProblems(input);
      if (problems.length) throw new ValidationError(problems);
      if (nhsNumber && !isValidNhsNumber(nhsNumber)) problems.push({ path: ['input', 'nhsNumber'], message: 'Enter a valid NHS number' });
      if (upn && !isValidUpn(upn)) problems.push({ path: ['input', 'upn'], message: 'Enter a valid UPN' });
      const nameGiven = `${input.givenName ?? ''}${input.familyName ?? ''}`.trim().length >= 3;
      if (!nhsNumber && !upn && !nameGiven) {
        problems.push({ path: ['input'], message: 'Search by NHS number, UPN, or a name of at least 3 letters' });
      }
      if (problems.length) throw new ValidationError(problems);

      const candidates = await findCandidates(ctx.db, ctx.viewer!.partnershipId, { ...input, nhsNumber, upn });
      const matches = await visibleMatches(ctx, candidates);
      await recordAudit(ctx.db, ctx, { action: 'child.search', detail: { childIds: matches.map((m) => m.id) } });
      return { matches };
    },
  }),
);

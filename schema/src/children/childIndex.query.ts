// The partnership's child index. A police officer or a school nurse whose agency has never recorded
// a child cannot see them (children.rules.ts), so cannot start sharing about a child only the school
// knows. The index lets a practitioner who may record a child find one the partnership already
// knows, by exact identifiers only (no browsing by name), and see who the child is: names, date of
// birth, gender. Never the chronology. Recording their agency's involvement
// (childInvolvementRecord.mutation.ts) is what then opens the record to them. Restricted children
// are not in it (except for the restriction's members); every look-up is audited against each
// child shown, so it appears in the child's access log.
import { isValidNhsNumber, isValidUpn, normaliseNhsNumber, normaliseUpn } from '@wraparound/prisma/identifiers';
import type { Prisma } from '@wraparound/prisma';
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { ValidationError, type FieldProblem } from '../common/failures.ts';
import { searchTermProblems } from './matching.ts';
import { loaderOf } from '../common/loaders.ts';
import { GenderEnum } from './child.type.ts';

const MAX_FOUND = 20;

const ChildIndexInput = builder.inputType('ChildIndexInput', {
  description: 'An exact NHS number, an exact UPN, or the exact family name with the date of birth.',
  fields: (t) => ({
    nhsNumber: t.string({ required: false }),
    upn: t.string({ required: false }),
    familyName: t.string({ required: false, description: 'Exact, ignoring case; needs the date of birth.' }),
    dateOfBirth: t.field({ type: 'Date', required: false }),
  }),
});

export const ChildIndexEntryType = builder.prismaObject('Child', {
  variant: 'ChildIndexEntry',
  description: 'Who a child the partnership knows is, and nothing of their record.',
  fields: (t) => ({
    id: t.globalID({ resolve: (c) => ({ type: 'Child', id: c.id }) }),
    givenName: t.exposeString('givenName'),
    familyName: t.exposeString('familyName'),
    otherNames: t.exposeString('otherNames', { nullable: true }),
    dateOfBirth: t.expose('dateOfBirth', { type: 'Date' }),
    gender: t.expose('gender', { type: GenderEnum }),
  }),
});

interface Found { ids: string[]; openable: Set<string> }

const ChildIndexEntryResult = builder.objectRef<{ id: string; openable: boolean }>('ChildIndexResultEntry').implement({
  description: 'A child found in the index, and whether you can already open their record.',
  fields: (t) => ({
    // The children found, in one query with the field's selection (the ids passed the look-up rule).
    child: t.prismaField({
      type: ChildIndexEntryType,
      resolve: (query, r, _args, ctx) =>
        loaderOf(ctx, `index child ${JSON.stringify(query)}`, (ids) => ctx.db.child.findMany({ ...query, where: { id: { in: ids } } })).load(r.id) as never,
    }),
    recordOpen: t.exposeBoolean('openable', {
      description: 'You can open their record already; otherwise record your involvement first.',
    }),
  }),
});

const ChildIndexSuccess = builder.objectRef<Found>('ChildIndexSuccess').implement({
  fields: (t) => ({
    found: t.field({ type: [ChildIndexEntryResult], resolve: (f) => f.ids.map((id) => ({ id, openable: f.openable.has(id) })) }),
  }),
});

function parse(input: { nhsNumber?: string | null; upn?: string | null; familyName?: string | null; dateOfBirth?: Date | null }) {
  const problems: FieldProblem[] = searchTermProblems(input);
  const nhsNumber = input.nhsNumber?.trim() ? normaliseNhsNumber(input.nhsNumber.slice(0, 40)) : null;
  const upn = input.upn?.trim() ? normaliseUpn(input.upn.slice(0, 40)) : null;
  const familyName = input.familyName?.trim() || null;
  if (nhsNumber && !isValidNhsNumber(nhsNumber)) problems.push({ path: ['input', 'nhsNumber'], message: 'Enter a valid NHS number: 10 digits, like 943 476 5919' });
  if (upn && !isValidUpn(upn)) problems.push({ path: ['input', 'upn'], message: 'Enter a valid UPN: a letter and 12 more characters, like A123456789012' });
  if (familyName && !input.dateOfBirth) problems.push({ path: ['input', 'dateOfBirth'], message: 'Enter the date of birth with the family name' });
  if (!familyName && input.dateOfBirth && !nhsNumber && !upn) problems.push({ path: ['input', 'familyName'], message: 'Enter the family name with the date of birth' });
  if (!nhsNumber && !upn && !familyName && !input.dateOfBirth) {
    problems.push({ path: ['input'], message: 'Search by NHS number, by UPN, or by family name and date of birth' });
  }
  if (problems.length) throw new ValidationError(problems);
  return { nhsNumber, upn, familyName, dateOfBirth: input.dateOfBirth ?? null };
}

builder.queryField('childIndex', (t) =>
  t.field({
    type: ChildIndexSuccess,
    description:
      "Find a child the partnership knows, by exact NHS number, exact UPN, or exact family name with date of birth: identity only, for practitioners who may record a child. Every look-up is in the child's access log.",
    errors: { types: [ValidationError], directResult: true, union: { name: 'ChildIndexResult' } },
    args: { input: t.arg({ type: ChildIndexInput }) },
    resolve: async (_root, { input }, ctx) => {
      const by = parse(input);
      const ability = abilityOf(ctx);
      if (!ability.can('lookUp', 'Child')) return { ids: [], openable: new Set<string>() };
      const exact: Prisma.ChildWhereInput[] = [
        ...(by.nhsNumber ? [{ nhsNumber: by.nhsNumber }] : []),
        ...(by.upn ? [{ upn: by.upn }] : []),
        ...(by.familyName && by.dateOfBirth ? [{ familyName: { equals: by.familyName, mode: 'insensitive' as const }, dateOfBirth: by.dateOfBirth }] : []),
      ];
      const found = await ctx.db.child.findMany({
        where: { AND: [accessibleWhere(ability, 'lookUp', 'Child'), { OR: exact }] },
        select: { id: true },
        orderBy: [{ familyName: 'asc' }, { givenName: 'asc' }, { id: 'asc' }],
        take: MAX_FOUND,
      });
      const ids = found.map((c) => c.id);
      const openable = new Set(
        (await ctx.db.child.findMany({ where: { AND: [accessibleWhere(ability, 'read', 'Child'), { id: { in: ids } }] }, select: { id: true } })).map((c) => c.id),
      );
      // One audit row per child shown, so the look-up is in each child's access log; one without a
      // child when nothing was found (what was searched for is not kept: identifiers are values).
      const searchedBy = by.nhsNumber ? 'NHS_NUMBER' : by.upn ? 'UPN' : 'FAMILY_NAME_AND_DATE_OF_BIRTH';
      if (ids.length === 0) await recordAudit(ctx.db, ctx, { action: 'child.index_lookup', detail: { searchedBy, found: 0 } });
      for (const id of ids) {
        await recordAudit(ctx.db, ctx, { action: 'child.index_lookup', subjectType: 'Child', subjectId: id, childId: id, detail: { searchedBy, found: ids.length } });
      }
      return { ids, openable };
    },
  }),
);

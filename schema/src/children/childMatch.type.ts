// A child found by matching, as a search result or as a possible duplicate.
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import type { Candidate } from './matching.ts';
import { ChildType } from './child.type.ts';

const MatchedOn = builder.enumType('ChildMatchedOn', { values: ['NHS_NUMBER', 'UPN', 'NAME_AND_DATE_OF_BIRTH', 'NAME'] as const });

export interface ChildMatch extends Candidate {
  child: object;
}

export const ChildMatchType = builder.objectRef<ChildMatch>('ChildMatch').implement({
  fields: (t) => ({
    child: t.field({ type: ChildType, resolve: (m) => m.child as never }),
    score: t.exposeFloat('score', { description: '1 for an identifier match; name similarity (0..1) otherwise.' }),
    matchedOn: t.field({ type: MatchedOn, resolve: (m) => m.matchedOn }),
  }),
});

/** The candidates the viewer may see, loaded, best first. The access rules are part of the SQL. */
export async function visibleMatches(ctx: Context, candidates: Candidate[]): Promise<ChildMatch[]> {
  if (candidates.length === 0) return [];
  const visible = await ctx.db.child.findMany({
    where: { AND: [accessibleWhere(abilityOf(ctx), 'read', 'Child'), { id: { in: candidates.map((c) => c.id) } }] },
  });
  const byId = new Map(visible.map((c) => [c.id, c]));
  return candidates.flatMap((c) => (byId.has(c.id) ? [{ ...c, child: byId.get(c.id)! }] : []));
}

// People named by id on restrictions and grants (members, creators, grantees, reviewers): the
// model keeps only their ids, so they are loaded here, batched into one query per request tick
// instead of one per row (a list of 100 grants is one query for their people, not 100).
import type { User } from '@wraparound/prisma';
import { loaderOf } from '../common/loaders.ts';
import type { Context } from '../context.ts';

/** A person of the viewer's partnership by id (an id from elsewhere reads as nobody), batched per request. */
export function personById(ctx: Context, id: string): Promise<User | null> {
  return loaderOf(
    ctx,
    'person',
    (ids) => ctx.db.user.findMany({ where: { id: { in: ids }, partnershipId: ctx.viewer?.partnershipId ?? '' } }),
    'null',
  ).load(id);
}

export async function peopleByIds(ctx: Context, ids: readonly string[]): Promise<User[]> {
  const people = await Promise.all(ids.map((id) => personById(ctx, id)));
  return people.filter((p): p is User => p !== null).sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
}

/** For a non-null field: the person must exist (ids on these rows are never dangling). */
export async function requiredPerson(ctx: Context, id: string): Promise<User> {
  const person = await personById(ctx, id);
  if (!person) throw new Error(`no user ${id} in the viewer's partnership`);
  return person;
}

// The people named on a restriction: active users of the viewer's partnership. Anyone else is a
// field error, not a silent drop, so the creator knows exactly who will still see the record.
import type { DatabaseTx } from '@wraparound/prisma';
import type { FieldProblem } from '../common/failures.ts';
import { idOf } from '../common/ids.ts';

type GlobalId = { typename: string; id: string };

/** Most a restriction should name: beyond this it is no longer "named people". */
export const MAX_MEMBERS = 50;

export async function resolveMembers(
  db: DatabaseTx,
  partnershipId: string,
  given: readonly GlobalId[],
  problems: FieldProblem[],
): Promise<string[] | null> {
  const path = ['input', 'memberUserIds'];
  const ids = given.map((g) => idOf(g, 'User'));
  if (ids.some((id) => id === null)) {
    problems.push({ path, message: 'Choose people in your partnership' });
    return null;
  }
  const unique = [...new Set(ids as string[])];
  if (unique.length > MAX_MEMBERS) {
    problems.push({ path, message: `Name at most ${MAX_MEMBERS} people` });
    return null;
  }
  const found = await db.user.findMany({ where: { id: { in: unique }, partnershipId, active: true }, select: { id: true } });
  if (found.length !== unique.length) {
    problems.push({ path, message: 'Choose people in your partnership whose accounts are active' });
    return null;
  }
  return unique;
}

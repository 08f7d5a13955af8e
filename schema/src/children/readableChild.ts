// The child an operation's input names, if the viewer may see them. A child the viewer may not
// see, or of another partnership, is "not found": the same answer as a made-up id.
import type { Prisma } from '@wraparound/prisma';
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import type { FieldProblem } from '../common/failures.ts';
import { idOf } from '../common/ids.ts';
import type { Context } from '../context.ts';

export const CHILD_NOT_VISIBLE: FieldProblem = { path: ['input', 'childId'], message: 'Select a child you can see in your partnership' };

export async function readableChild<S extends Prisma.ChildSelect>(
  ctx: Context,
  globalId: { typename: string; id: string } | null | undefined,
  select: S,
): Promise<Prisma.ChildGetPayload<{ select: S }> | null> {
  const id = idOf(globalId, 'Child');
  if (!id) return null;
  return ctx.db.child.findFirst({ where: { AND: [accessibleWhere(abilityOf(ctx), 'read', 'Child'), { id }] }, select }) as never;
}

// Loads a disagreement the viewer may see, with its ladder and the stage it is at, for a
// transition. A disagreement the viewer may not see is "not found", as if it did not exist.
import type { DatabaseTx } from '@wraparound/prisma';
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { NotFoundError, ValidationError } from '../common/failures.ts';
import { idOf } from '../common/ids.ts';
import type { Context } from '../context.ts';
import { actingSides } from './actors.ts';

export async function loadOpenDisagreement(ctx: Context, globalId: { typename: string; id: string }) {
  const id = idOf(globalId, 'Disagreement');
  const disagreement = id
    ? await ctx.db.disagreement.findFirst({
        where: { AND: [accessibleWhere(abilityOf(ctx), 'read', 'Disagreement'), { id }] },
        include: {
          ladder: { include: { stages: { orderBy: { position: 'asc' } } } },
          stages: { where: { exitedAt: null } },
        },
      })
    : null;
  if (!disagreement) throw new NotFoundError('No disagreement with that id that you can see');
  if (disagreement.status !== 'OPEN') {
    throw ValidationError.field(['disagreementId'], `This disagreement has been ${disagreement.status === 'RESOLVED' ? 'resolved' : 'withdrawn'} already`);
  }
  const stage = disagreement.ladder.stages.find((s) => s.position === disagreement.currentPosition)!;
  const openStage = disagreement.stages[0]!;
  const sides = actingSides(ctx.viewer!, disagreement, stage);
  return { disagreement, stage, openStage, sides };
}

/** Moves the disagreement's version on, refusing if someone else moved it first. */
export async function claimVersion(tx: DatabaseTx, d: { id: string; version: number }, data: object) {
  const updated = await tx.disagreement.updateMany({ where: { id: d.id, version: d.version, status: 'OPEN' }, data: { ...data, version: { increment: 1 } } });
  if (updated.count !== 1) throw ValidationError.field(['disagreementId'], 'Someone else changed this disagreement at the same moment: reload it');
}

// The organisation whose single sign-on the partnership administrator is changing, with its
// current configuration; anyone else is refused, and an organisation of another partnership is
// reported as one that does not exist.
import { abilityOf } from '../../access/ability.ts';
import { accessibleWhere } from '../../access/casl.ts';
import { NotAuthorisedError, NotFoundError } from '../../common/failures.ts';
import { idOf } from '../../common/ids.ts';
import type { Context } from '../../context.ts';

export async function administeredOrganisation(ctx: Context, organisationId: { typename: string; id: string }) {
  const ability = abilityOf(ctx);
  if (!ability.can('update', 'Organisation')) throw new NotAuthorisedError('Only the partnership administrator sets up single sign-on');
  const id = idOf(organisationId, 'Organisation');
  const organisation = id
    ? await ctx.db.organisation.findFirst({ where: { AND: [accessibleWhere(ability, 'update', 'Organisation'), { id }] }, include: { singleSignOn: true } })
    : null;
  if (!organisation) throw new NotFoundError('No organisation with that id in your partnership');
  return organisation;
}

// The partnership's active organisations, for everyone signed in: choosing the agency to share
// with, to ask, or to disagree with needs them. Names and kinds only; nothing about anyone's work.
import { AgencyType } from '@wraparound/prisma';
import { builder } from '../builder.ts';
import { AgencyTypeEnum, OrganisationType } from './organisation.type.ts';

builder.queryField('organisations', (t) =>
  t.prismaField({
    type: [OrganisationType],
    description: "Your partnership's active organisations, by name.",
    args: { agencyType: t.arg({ type: [AgencyTypeEnum], required: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.organisation.findMany({
        ...query,
        where: { partnershipId: ctx.viewer!.partnershipId, active: true, ...(args.agencyType?.length ? { agencyType: { in: args.agencyType as AgencyType[] } } : {}) },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      }),
  }),
);

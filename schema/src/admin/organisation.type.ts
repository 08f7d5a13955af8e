import { AgencyType } from '@wraparound/prisma';
import { builder } from '../builder.ts';

export const AgencyTypeEnum = builder.enumType(AgencyType, { name: 'AgencyType' });

// Selects only the columns asked for (usually the name).
export const OrganisationType = builder.prismaNode('Organisation', {
  id: { field: 'id' },
  select: { id: true },
  description: 'An agency in the partnership: a school, a police team, a health provider, social care.',
  fields: (t) => ({
    name: t.exposeString('name'),
    agencyType: t.expose('agencyType', { type: AgencyTypeEnum }),
    leadPartner: t.exposeBoolean('leadPartner', { description: 'One of the statutory safeguarding partners.' }),
  }),
});

export const PartnershipType = builder.prismaNode('Partnership', {
  id: { field: 'id' },
  description: 'A Safeguarding Children Partnership: everything in Wraparound belongs to one.',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
  }),
});

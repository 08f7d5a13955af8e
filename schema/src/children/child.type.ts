import { Gender } from '@wraparound/prisma';
import { builder } from '../builder.ts';
import '../admin/organisation.type.ts';

export const GenderEnum = builder.enumType(Gender, { name: 'Gender' });

export const ChildType = builder.prismaNode('Child', {
  id: { field: 'id' },
  description: 'A child known to one or more agencies in the partnership.',
  fields: (t) => ({
    givenName: t.exposeString('givenName'),
    familyName: t.exposeString('familyName'),
    otherNames: t.exposeString('otherNames', { nullable: true }),
    preferredName: t.exposeString('preferredName', { nullable: true }),
    dateOfBirth: t.expose('dateOfBirth', { type: 'Date' }),
    gender: t.expose('gender', { type: GenderEnum }),
    nhsNumber: t.exposeString('nhsNumber', { nullable: true }),
    upn: t.exposeString('upn', { nullable: true }),
    school: t.relation('school', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

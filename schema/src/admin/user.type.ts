import { Role } from '@wraparound/prisma';
import { builder } from '../builder.ts';
import './organisation.type.ts';

export const RoleEnum = builder.enumType(Role, { name: 'Role' });

// Selects only the columns asked for: an author's name, not their password hash.
export const UserType = builder.prismaNode('User', {
  id: { field: 'id' },
  select: { id: true },
  description: 'A person who works in Wraparound, in one organisation, with one or more roles.',
  fields: (t) => ({
    email: t.exposeString('email'),
    displayName: t.exposeString('displayName'),
    jobTitle: t.exposeString('jobTitle', { nullable: true }),
    roles: t.expose('roles', { type: [RoleEnum] }),
    active: t.exposeBoolean('active'),
    passwordSet: t.boolean({ description: 'Whether the person has set a password (false until they use their invitation).', select: { passwordHash: true }, resolve: (u) => u.passwordHash.startsWith('$argon2') }),
    organisation: t.relation('organisation'),
    partnership: t.relation('partnership'),
  }),
});

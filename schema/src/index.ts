// The GraphQL schema: the builder, then every domain module, then the schema they make.
import { builder } from './builder.ts';
import './common/scalars.ts';
import './common/errors.ts';
import './admin/organisation.type.ts';
import './admin/user.type.ts';
import './auth/login.mutation.ts';
import './auth/logout.mutation.ts';
import './auth/me.query.ts';
import './children/child.type.ts';
import './children/childRegister.mutation.ts';

export const schema = builder.toSchema({ sortSchema: true });

export type { Context, Viewer, AuthSettings, SessionProblem } from './context.ts';
export { resumeSession } from './auth/sessions.ts';
export { hashPassword } from './auth/passwords.ts';
export { roleFitsAgency, ROLES_BY_AGENCY } from './admin/roles.ts';

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
import './children/child.query.ts';
import './children/childSearch.query.ts';
import './chronology/chronology.query.ts';
import './chronology/chronologyEntry.query.ts';
import './concerns/concernRaise.mutation.ts';
import './concerns/concerns.query.ts';
import './concerns/concernRefer.mutation.ts';
import './concerns/referralDecide.mutation.ts';
import './sharing/shareCreate.mutation.ts';
import './sharing/shareRevoke.mutation.ts';
import './audit/accessLog.query.ts';
import './audit/auditChain.query.ts';

export const schema = builder.toSchema({ sortSchema: true });

export type { Context, Viewer, AuthSettings, SessionProblem } from './context.ts';
export { resumeSession } from './auth/sessions.ts';
export { hashPassword } from './auth/passwords.ts';
export { roleFitsAgency, ROLES_BY_AGENCY } from './admin/roles.ts';
export { verifyAuditChain } from './audit/chain.ts';

// The one schema builder and its plugins, declared once. Domain modules (auth/, admin/, children/,
// ...) import `builder` and register their own types and fields; index.ts imports them all.
import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import type PrismaTypes from '@wraparound/prisma/pothos-types';
import { getDatamodel } from '@wraparound/prisma/pothos-types';
import type { Context } from './context.ts';
import { textInputGuardPlugin } from './common/textInputGuard.ts';

export const builder = new SchemaBuilder<{
  PrismaTypes: PrismaTypes;
  Context: Context;
  AuthScopes: { signedIn: boolean };
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
  Scalars: {
    Date: { Input: Date; Output: Date };
    DateTime: { Input: Date; Output: Date };
    ID: { Input: string; Output: string };
  };
}>({
  // Scope-auth first so a refused request runs nothing else. Input is validated inside each
  // resolver (common/validation.ts), after authorisation: plugin-validation runs before field
  // auth, so its errors would tell a caller with no session about fields they cannot use.
  // The text guard sits inside the errors plugin, so its refusals become ValidationError results.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, textInputGuardPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  scopeAuth: {
    // Subscriptions are refused when they are opened, not only when an event resolves.
    authorizeOnSubscribe: true,
    authScopes: (ctx) => ({ signedIn: ctx.viewer !== null }),
    // No session, or one that has ended: one clear refusal that a client can act on.
    unauthorizedError: (_parent, ctx) =>
      new GraphQLError(
        ctx.sessionProblem === 'EXPIRED'
          ? 'Your session has ended because it was not used for a while. Sign in again.'
          : 'Sign in to use Wraparound.',
        { extensions: { code: 'UNAUTHENTICATED', reason: ctx.sessionProblem ?? 'NO_SESSION' } },
      ),
  },
  errors: { defaultTypes: [] },
  prisma: {
    client: (ctx) => ctx.db,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // No generic node(id) lookup: every read goes through a field that applies its access rules.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
});

// Every query and mutation needs a signed-in viewer unless it says otherwise (only `login`).
builder.queryType({ authScopes: { signedIn: true } });
builder.mutationType({ authScopes: { signedIn: true } });
builder.subscriptionType({ authScopes: { signedIn: true } });

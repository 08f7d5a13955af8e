// The HTTP service: GraphQL at /graphql (graphql-yoga), single sign-on at /auth/sso/, the built
// web app at /, a health check.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { createYoga, maskError, type Plugin } from 'graphql-yoga';
import type { Database } from '@wraparound/prisma';
import { schema, type LiveNotifications } from '@wraparound/schema';
import type { Config } from '../config.ts';
import { buildContext, pendingCookies } from './context.ts';
import { createSingleSignOnHandler } from './singleSignOn.ts';
import { createWebAppHandler, loadPersistedOperations } from './webApp.ts';

export interface AppDeps {
  db: Database;
  config: Config;
  /** The clock; tests inject one to move time. */
  now?: () => Date;
  log?: (line: string) => void;
  /** Live notification updates (LISTEN/NOTIFY); without it the subscription says it is unavailable. */
  live?: LiveNotifications | null;
}

export const CSRF_HEADER = 'x-wraparound-csrf';

/** In production the schema is not introspectable: clients ship their operations (the web app's
 * persisted operations), and nobody without a session learns more than that `login` exists. */
function useNoIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

/** Adds the Set-Cookie headers a resolver asked for (sign-in, sign-out). */
function useSessionCookies(): Plugin {
  return {
    onResponse({ request, response }) {
      for (const cookie of pendingCookies.get(request) ?? []) response.headers.append('set-cookie', cookie);
    },
  };
}

/** The web app's operations by hash (`extensions.persistedQuery.sha256Hash`). With
 * `persistedOperationsOnly` (production) nothing else runs; otherwise documents run too, for
 * GraphiQL, API clients and the tests. */
function usePersistedWebOperations(config: Config): Plugin {
  const operations = loadPersistedOperations(config.webDist);
  if (config.persistedOperationsOnly && !operations) {
    throw new Error(`Only persisted operations are allowed, but ${config.webDist}/persisted-operations.json is missing: build the web app first.`);
  }
  return usePersistedOperations({
    getPersistedOperation: (hash) => operations?.get(hash) ?? null,
    allowArbitraryOperations: !config.persistedOperationsOnly,
  });
}

export function createGraphQLHandler(deps: AppDeps) {
  const { db, config } = deps;
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? ((line: string) => console.error(line));
  return createYoga<{ req: IncomingMessage }>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: config.production ? false : { title: 'Wraparound API', headers: JSON.stringify({ [CSRF_HEADER]: '1' }) },
    // Unexpected errors reach the client as "Unexpected error." and nothing more: no message,
    // stack or SQL. They are logged here with an id to find them.
    maskedErrors: {
      isDev: false,
      maskError: (error, message) => {
        const masked = maskError(error, message, false);
        if (masked !== error) {
          const original = (error as { originalError?: unknown }).originalError ?? error;
          log(`[graphql] unexpected error: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`);
        }
        return masked;
      },
    },
    context: ({ request, req }) =>
      buildContext({ db, auth: config.auth, secureCookies: config.secureCookies, now, live: deps.live ?? null }, request, req?.socket?.remoteAddress ?? null),
    plugins: [
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
      usePersistedWebOperations(config),
      EnvelopArmorPlugin({
        maxDepth: { n: 12, exposeLimits: !config.production },
        maxAliases: { n: 20, exposeLimits: !config.production },
        maxTokens: { n: 4000, exposeLimits: !config.production },
        costLimit: { maxCost: 20_000, exposeLimits: !config.production },
        blockFieldSuggestion: { enabled: config.production },
      }),
      useSessionCookies(),
      ...(config.production ? [useNoIntrospection()] : []),
    ],
  });
}

export function createHttpServer(deps: AppDeps): Server {
  const yoga = createGraphQLHandler(deps);
  const webApp = createWebAppHandler(deps.config.webDist);
  const singleSignOn = createSingleSignOnHandler(deps);
  return createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/graphql')) return yoga(req, res, { req });
    if (url.startsWith('/auth/sso/')) return singleSignOn(req, res);
    if (url === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    webApp(req, res);
  });
}

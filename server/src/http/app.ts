// The HTTP service: GraphQL at /graphql (graphql-yoga), the built web app at /, a health check.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { GraphQLError, NoSchemaIntrospectionCustomRule } from 'graphql';
import { createYoga, maskError, type Plugin } from 'graphql-yoga';
import type { Database } from '@wraparound/prisma';
import { schema, type LiveNotifications } from '@wraparound/schema';
import type { Config } from '../config.ts';
import { apiClientOperations } from './apiClientOperations.ts';
import { buildContext, isSignedInApiClient, pendingCookies, type ContextDeps } from './context.ts';
import { useOperationLimits } from './operationLimits.ts';
import { refuseOversizedBody } from './requestBody.ts';
import { useSessionRateLimit } from './sessionRateLimit.ts';
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

/** The web app's operations by hash (`extensions.persistedQuery.sha256Hash`), and those
 * published for API clients. With `persistedOperationsOnly` (production) nothing else runs but for
 * an API client with a live bearer-token session; otherwise documents run too, for GraphiQL and
 * the tests. */
function usePersistedWebOperations(config: Config, contextDeps: ContextDeps): Plugin {
  const web = loadPersistedOperations(config.webDist);
  if (config.persistedOperationsOnly && !web) {
    throw new Error(`Only persisted operations are allowed, but ${config.webDist}/persisted-operations.json is missing: build the web app first.`);
  }
  const operations = new Map([...(web ?? []), ...apiClientOperations()]);
  return usePersistedOperations({
    getPersistedOperation: (hash) => operations.get(hash) ?? null,
    allowArbitraryOperations: config.persistedOperationsOnly ? (request) => isSignedInApiClient(contextDeps, request) : true,
  });
}

/** Answers from the API are never cached or sniffed as another type. */
function useApiResponseHeaders(): Plugin {
  return {
    onResponse({ response }) {
      response.headers.set('cache-control', 'no-store');
      response.headers.set('x-content-type-options', 'nosniff');
    },
  };
}

/** Same origin by default: the web app is served by this server. Other origins only when listed
 * in `CORS_ALLOWED_ORIGINS`, and then exactly those. */
function corsFor(config: Config) {
  const allowed = new Set(config.corsAllowedOrigins);
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (!origin || !allowed.has(origin)) return false as const;
    return { origin: [origin], credentials: true, methods: ['GET', 'POST'], allowedHeaders: ['content-type', 'authorization', CSRF_HEADER] };
  };
}

export function createGraphQLHandler(deps: AppDeps) {
  const { db, config } = deps;
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? ((line: string) => console.error(line));
  const contextDeps: ContextDeps = { db, auth: config.auth, secureCookies: config.secureCookies, now, live: deps.live ?? null };
  return createYoga<{ req: IncomingMessage }>({
    schema,
    graphqlEndpoint: '/graphql',
    cors: corsFor(config),
    landingPage: false,
    graphiql: config.production ? false : { title: 'Wraparound API', headers: JSON.stringify({ [CSRF_HEADER]: '1' }) },
    // Unexpected errors reach the client as "Unexpected error." and nothing more: no message,
    // stack or SQL. They are logged here with an id to find them.
    maskedErrors: {
      isDev: false,
      maskError: (error, message) => {
        const masked = maskError(error, message, false);
        // Yoga puts the JSON parser's own error on a malformed body; the client learns only that
        // the body was not JSON.
        if (masked instanceof GraphQLError && masked.extensions.originalError) {
          const { originalError: _parserError, ...extensions } = masked.extensions;
          return new GraphQLError(masked.message, { extensions });
        }
        if (masked !== error) {
          const original = (error as { originalError?: unknown }).originalError ?? error;
          log(`[graphql] unexpected error: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`);
        }
        return masked;
      },
    },
    context: ({ request, req }) => buildContext(contextDeps, request, req?.socket?.remoteAddress ?? null),
    plugins: [
      useApiResponseHeaders(),
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
      usePersistedWebOperations(config, contextDeps),
      // Depth and tokens are limits of the document; aliases, directives and cost are counted
      // with fragments expanded and variables read (operationLimits.ts), so armor's are off.
      EnvelopArmorPlugin({
        maxDepth: { n: 12, exposeLimits: !config.production },
        maxAliases: { enabled: false },
        maxDirectives: { enabled: false },
        maxTokens: { n: 4000, exposeLimits: !config.production },
        costLimit: { enabled: false },
        blockFieldSuggestion: { enabled: config.production },
      }),
      useOperationLimits(),
      useSessionRateLimit(config.sessionRequestsPerMinute),
      useSessionCookies(),
      ...(config.production ? [useNoIntrospection()] : []),
    ],
  });
}

// Browsers that have once reached the service over HTTPS never try plain HTTP again.
const HSTS = 'max-age=31536000; includeSubDomains';

export function createHttpServer(deps: AppDeps): Server {
  const yoga = createGraphQLHandler(deps);
  const webApp = createWebAppHandler(deps.config.webDist, { production: deps.config.production });
  return createServer((req, res) => {
    const url = req.url ?? '/';
    if (deps.config.production) res.setHeader('strict-transport-security', HSTS);
    if (url.startsWith('/graphql')) {
      if (refuseOversizedBody(req, res, deps.config.requestBodyLimitBytes)) return;
      return yoga(req, res, { req });
    }
    if (url === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    webApp(req, res);
  });
}

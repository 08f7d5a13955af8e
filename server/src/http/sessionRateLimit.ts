// A session may send so many requests a minute; beyond that it is told to wait (429 with
// Retry-After), so one runaway client or stolen token cannot take the server from everyone else.
// Counted in this process's memory: a request costs no database write. With several web
// processes behind a balancer a session can reach the limit once per process; the limits that
// must hold across processes (sign-in) are kept in PostgreSQL (schema/src/auth/throttle.ts).
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Context } from '@wraparound/schema';

function tooMany(retryAfterSeconds: number) {
  return new GraphQLError(`Too many requests from this session. Try again in ${retryAfterSeconds} seconds.`, {
    extensions: { code: 'RATE_LIMITED', http: { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } } },
  });
}

/** `perMinute` 0 turns the limit off (the benchmark's load generator). */
export function useSessionRateLimit(perMinute: number): Plugin<Context> {
  if (perMinute <= 0) return {};
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  const check = async (context: Context): Promise<GraphQLError | null> => {
    const sessionId = context.viewer?.sessionId;
    if (!sessionId) return null;
    try {
      await limiter.consume(sessionId);
      return null;
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return tooMany(Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)));
      throw refusal;
    }
  };
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const error = await check(args.contextValue as Context);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    async onSubscribe({ args, setResultAndStopExecution }) {
      const error = await check(args.contextValue as Context);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}

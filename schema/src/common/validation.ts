// Input validation with zod, run inside resolvers once the viewer is authorised. Every problem is
// reported at once, each with the path of its field as the client sent it.
import type { z } from 'zod';
import type { FieldProblem } from './failures.ts';
import { ValidationError } from './failures.ts';

export function problemsOf(error: z.ZodError, prefix: string[]): FieldProblem[] {
  return error.issues.map((issue) => ({ path: [...prefix, ...issue.path.map(String)], message: issue.message }));
}

/** Parses `input`, or throws a ValidationError naming every field that is wrong. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix: string[] = ['input']): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(problemsOf(result.error, prefix));
  return result.data;
}

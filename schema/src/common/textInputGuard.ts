// Every text argument of every field is checked before its resolver runs, so no field can forget:
// - a NUL character or half a surrogate pair (neither storable by PostgreSQL, nor typed by a person)
//   is refused;
// - text longer than a backstop is refused before it reaches a query (a 1 MB family name once held
//   a database connection for 40 s). Fields keep their own, tighter limits (zod rules in resolvers);
//   this is the most any field accepts: a narrative in a change, a search term or a reason in a read.
// Refusals are field errors where the field can return a ValidationError, else a GraphQL error
// naming the argument; either way nothing has run.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { GraphQLError, type GraphQLFieldResolver } from 'graphql';
import { ValidationError, type FieldProblem } from './failures.ts';

/** The longest text a change may carry (the longest narrative field). */
export const MAX_TEXT_IN_CHANGE = 20_000;
/** The longest text a read may carry (a search term, a reason for looking, a cursor). */
export const MAX_TEXT_IN_READ = 500;

const NUL = '\u0000';
// Half of a UTF-16 surrogate pair on its own: not a character, and not storable as UTF-8.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function textProblems(value: unknown, path: string[], maxLength: number, problems: FieldProblem[] = []): FieldProblem[] {
  if (typeof value === 'string') {
    if (value.includes(NUL)) {
      problems.push({ path, message: 'Remove the control character (NUL) from this text: it cannot be stored' });
    } else if (LONE_SURROGATE.test(value)) {
      problems.push({ path, message: 'Remove the broken character from this text (half of an emoji or symbol): it cannot be stored' });
    } else if (value.length > maxLength) {
      problems.push({ path, message: `Must be ${maxLength.toLocaleString('en-GB')} characters or fewer` });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => textProblems(item, [...path, String(index)], maxLength, problems));
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) textProblems(item, [...path, key], maxLength, problems);
  }
  return problems;
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      textInputGuard: TextInputGuardPlugin<Types>;
    }
  }
}

export class TextInputGuardPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (Object.keys(fieldConfig.args).length === 0) return resolver;
    const maxLength = fieldConfig.parentType === 'Mutation' ? MAX_TEXT_IN_CHANGE : MAX_TEXT_IN_READ;
    const errorTypes = (fieldConfig.extensions?.pothosErrors ?? []) as unknown[];
    const answersWithFieldErrors = errorTypes.includes(ValidationError);
    return (parent, args, context, info) => {
      const problems = textProblems(args, [], maxLength);
      if (problems.length) {
        if (answersWithFieldErrors) throw new ValidationError(problems);
        throw new GraphQLError(`${problems[0]!.path.join('.')}: ${problems[0]!.message}`, {
          extensions: { code: 'BAD_USER_INPUT', fieldErrors: problems },
        });
      }
      return resolver(parent, args, context, info);
    };
  }
}

export const textInputGuardPlugin = 'textInputGuard' as const;
SchemaBuilder.registerPlugin(textInputGuardPlugin, TextInputGuardPlugin);

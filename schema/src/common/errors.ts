// GraphQL types for the expected failures in failures.ts.
import { builder } from '../builder.ts';
import type { FieldProblem } from './failures.ts';
import { NotAuthorisedError, NotFoundError, ValidationError } from './failures.ts';

export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'An expected failure, told to the person in words they can act on.',
  fields: (t) => ({ message: t.exposeString('message') }),
});

const FieldProblemRef = builder.objectRef<FieldProblem>('FieldError').implement({
  description: 'A problem with one input field.',
  fields: (t) => ({
    path: t.exposeStringList('path', { description: 'The field, as a path into the arguments, e.g. ["input", "nhsNumber"].' }),
    field: t.string({ description: 'The name of the field itself.', resolve: (p) => p.path[p.path.length - 1] ?? '' }),
    message: t.exposeString('message'),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    fieldErrors: t.field({ type: [FieldProblemRef], resolve: (e) => e.fieldErrors }),
  }),
});

builder.objectType(NotAuthorisedError, { name: 'NotAuthorisedError', interfaces: [ErrorInterface], fields: () => ({}) });
builder.objectType(NotFoundError, { name: 'NotFoundError', interfaces: [ErrorInterface], fields: () => ({}) });

// What one request may ask of the server, counted over the operation as it will run: every
// fragment expanded at every spread (so repeating a spread cannot hide aliases or directives), and
// page sizes read from the variables as well as from literals (`concerns(first: $n)` costs what
// `concerns(first: 100)` costs). Checked when the request is about to run, with or without a
// session, before any resolver.
import {
  GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Plugin } from 'graphql-yoga';

export interface OperationLimits {
  /** Aliased fields, counted at every fragment spread. */
  maxAliases: number;
  /** Directives (`@include`, `@skip`, …), counted at every fragment spread. */
  maxDirectives: number;
  /** Items a request may ask for: each field counts 1, times the page size of the lists above it. */
  maxCost: number;
}

export const OPERATION_LIMITS: OperationLimits = { maxAliases: 30, maxDirectives: 50, maxCost: 5_000 };

/** A connection asked for without `first` returns its default page; none is larger than this. */
const DEFAULT_PAGE_SIZE = 50;

/** A paged field multiplies what is below it by the page asked for; anything else adds 1. */
const pagedFieldEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const page = [args.first, args.last].find((n): n is number => typeof n === 'number' && n >= 0);
  const hasPaging = 'first' in args || 'last' in args || 'after' in args || 'before' in args;
  const size = page ?? (hasPaging ? DEFAULT_PAGE_SIZE : null);
  return size === null ? 1 + childComplexity : 1 + size * childComplexity;
};

interface Shape {
  aliases: number;
  directives: number;
}

/** Counts aliases and directives in the operation with its fragments expanded where spread. The
 * walk stops as soon as a limit is passed, so a document built to explode costs nothing more. */
function shapeOf(operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>, limits: OperationLimits): Shape {
  const shape: Shape = { aliases: 0, directives: operation.directives?.length ?? 0 };
  const over = () => shape.aliases > limits.maxAliases || shape.directives > limits.maxDirectives;
  const walk = (set: SelectionSetNode | undefined, spreading: Set<string>) => {
    for (const selection of set?.selections ?? []) {
      if (over()) return;
      shape.directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) shape.aliases += 1;
        walk(selection.selectionSet, spreading);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, spreading);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // A fragment that spreads itself is refused by validation; skip it here.
        if (!fragment || spreading.has(name)) continue;
        shape.directives += fragment.directives?.length ?? 0;
        walk(fragment.selectionSet, new Set(spreading).add(name));
      }
    }
  };
  walk(operation.selectionSet, new Set());
  return shape;
}

function refusal(message: string, limit: number) {
  return new GraphQLError(message, { extensions: { code: 'REQUEST_TOO_LARGE', limit } });
}

// A document's aliases and directives do not depend on its variables: counted once per parsed
// document (yoga keeps parsed documents, so a persisted operation is counted once per process).
const shapeRefusals = new WeakMap<DocumentNode, Map<string, GraphQLError | null>>();

function shapeRefusal(operation: OperationDefinitionNode, document: DocumentNode, limits: OperationLimits): GraphQLError | null {
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const shape = shapeOf(operation, fragments, limits);
  if (shape.aliases > limits.maxAliases) {
    return refusal(`This request uses more than ${limits.maxAliases} aliases. Send fewer fields under other names, or several requests.`, limits.maxAliases);
  }
  if (shape.directives > limits.maxDirectives) {
    return refusal(`This request uses more than ${limits.maxDirectives} directives. Send a simpler request.`, limits.maxDirectives);
  }
  return null;
}

export function checkOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  limits: OperationLimits = OPERATION_LIMITS,
): GraphQLError | null {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return null; // graphql-js reports the missing operation itself
  let byOperation = shapeRefusals.get(document);
  if (!byOperation) shapeRefusals.set(document, (byOperation = new Map()));
  const key = `${operation.name?.value ?? ''} ${limits.maxAliases} ${limits.maxDirectives}`;
  if (!byOperation.has(key)) byOperation.set(key, shapeRefusal(operation, document, limits));
  const refused = byOperation.get(key)!;
  if (refused) return refused;
  let cost: number;
  try {
    cost = getComplexity({ schema, query: document, variables: variables ?? {}, operationName, estimators: [pagedFieldEstimator] });
  } catch {
    // Variables that do not fit their types: graphql-js refuses them next, with its own message.
    return null;
  }
  if (cost > limits.maxCost) {
    return refusal(
      `This request is too costly: it could return about ${cost} items, and the limit is ${limits.maxCost}. Ask for smaller pages (a lower \`first\`) or fewer lists at once.`,
      limits.maxCost,
    );
  }
  return null;
}

/** Refuses an operation over the limits before it runs, as a GraphQL error that names the limit. */
export function useOperationLimits(limits: OperationLimits = OPERATION_LIMITS): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const error = checkOperation(args.schema, args.document, args.variableValues ?? undefined, args.operationName ?? undefined, limits);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = checkOperation(args.schema, args.document, args.variableValues ?? undefined, args.operationName ?? undefined, limits);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}

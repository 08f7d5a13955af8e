// Typed GraphQL documents (gql.tada) checked against schema/schema.graphql. graphql-env.d.ts is
// generated from the SDL on install (`pnpm --filter @wraparound/web generate`).
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  // Dates and instants travel as ISO strings; screens format them for people.
  scalars: { Date: string; DateTime: string; ID: string };
}>();

export { readFragment } from 'gql.tada';
export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';

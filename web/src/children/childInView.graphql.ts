import { graphql } from '../graphql.ts';

/** Who a page about a child's record is about: spread into each page's query, read by ChildInView. */
export const ChildInViewFields = graphql(`
  fragment ChildInViewFields on Child { id givenName familyName dateOfBirth nhsNumber upn school { name } }
`);

// Global ids (relay): the client only ever sees "Type:uuid" encoded, and an id of the wrong
// type, or one that is not a uuid at all, is treated as a record that does not exist.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function idOf(globalId: { typename: string; id: string } | null | undefined, typename: string): string | null {
  if (!globalId || globalId.typename !== typename || !UUID.test(globalId.id)) return null;
  return globalId.id;
}

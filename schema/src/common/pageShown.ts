// A connection's resolver reads one row more than the page: Pothos asks for `first + 1` (negative,
// `last + 1`, for a page backwards) to know whether another page follows, then drops that row. An
// audit of "what the reader was shown" must record the page, not the look-ahead row they never saw.

/** The rows of `rows` that the connection will show, as Pothos's own slicing (`wrapConnectionResult`). */
export function pageShown<T>(rows: readonly T[], query: { take?: number }): readonly T[] {
  const take = query.take;
  if (take === undefined || rows.length !== Math.abs(take)) return rows;
  return take < 0 ? rows.slice(1) : rows.slice(0, -1);
}

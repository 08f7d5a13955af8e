// Paging a connection a screen at a time by its cursors, GOV.UK pagination links underneath. The
// cursors of the pages seen are kept, so going back needs no backward cursor from the API.
import { useState, type MouseEvent } from 'react';

/** Cursors of the pages seen so far: the last is the page shown (null: the newest). */
export function usePages() {
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  return {
    after: cursors[cursors.length - 1]!,
    page: cursors.length,
    older: (cursor: string) => setCursors((c) => [...c, cursor]),
    newer: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
    /** Back to the first page (a list whose filters changed). */
    first: () => setCursors([null]),
  };
}

export function Pager({ label, page, hasOlder, onOlder, onNewer, words = ['Newer', 'Older'] }: {
  label: string; page: number; hasOlder: boolean; onOlder(): void; onNewer(): void;
  /** The links' words: newest-first logs page back in time; lists in name order page on. */
  words?: [string, string];
}) {
  if (page === 1 && !hasOlder) return null;
  const click = (go: () => void) => (event: MouseEvent) => {
    event.preventDefault();
    go();
  };
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label={label}>
      {page > 1 && (
        <div className="govuk-pagination__prev">
          <a className="govuk-link govuk-pagination__link" href="#" rel="prev" onClick={click(onNewer)}>
            <span className="govuk-pagination__link-title">{words[0]}<span className="govuk-visually-hidden"> page</span></span>
          </a>
        </div>
      )}
      {hasOlder && (
        <div className="govuk-pagination__next">
          <a className="govuk-link govuk-pagination__link" href="#" rel="next" onClick={click(onOlder)}>
            <span className="govuk-pagination__link-title">{words[1]}<span className="govuk-visually-hidden"> page</span></span>
          </a>
        </div>
      )}
    </nav>
  );
}

/** A queue's pager over a connection: Previous and Next, from its pageInfo and the pages seen. */
export function QueuePager({ label, pages, pageInfo }: {
  label: string;
  pages: ReturnType<typeof usePages>;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}) {
  return (
    <Pager label={label} page={pages.page} words={['Previous', 'Next']}
      hasOlder={pageInfo.hasNextPage && Boolean(pageInfo.endCursor)}
      onOlder={() => pages.older(pageInfo.endCursor!)} onNewer={pages.newer} />
  );
}

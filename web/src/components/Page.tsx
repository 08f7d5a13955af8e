// Every screen's frame: its title in the browser tab (prefixed "Error:" while a form has errors,
// as GOV.UK does) and its heading, which takes focus when the screen changes so a screen-reader
// user hears where they are.
import { useEffect, useRef, type ReactNode } from 'react';

export function Page({ title, caption, hasErrors = false, children }: { title: string; caption?: string; hasErrors?: boolean; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${hasErrors ? 'Error: ' : ''}${title} – Wraparound`;
  }, [title, hasErrors]);
  useEffect(() => {
    heading.current?.focus();
  }, [title]);
  return (
    <>
      <h1 className="govuk-heading-l" tabIndex={-1} ref={heading}>
        {caption && <span className="govuk-caption-l">{caption}</span>}
        {title}
      </h1>
      {children}
    </>
  );
}

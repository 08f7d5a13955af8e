// A deadline as people read it: the date and time (UK), and a red "Overdue" tag once it has passed.
import { formatDateTime } from '../app/format.ts';
import { Tag } from './govuk.tsx';

export function Due({ at, overdue }: { at: string; overdue: boolean }) {
  return (
    <>
      {formatDateTime(at)} {overdue && <Tag colour="red">Overdue</Tag>}
    </>
  );
}

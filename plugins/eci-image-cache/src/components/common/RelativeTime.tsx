import { absoluteTime } from '../../state/absoluteTime';
import { relativeTime } from '../../state/relativeTime';

/** A `<time>` showing how long ago (or until) `iso` is, with the exact time as tooltip. */
export function RelativeTime(props: { iso: string | null | undefined }) {
  const { iso } = props;
  const text = relativeTime(iso, new Date());
  if (!iso || !text) {
    return <span>—</span>;
  }
  return (
    <time dateTime={iso} title={absoluteTime(iso)}>
      {text}
    </time>
  );
}

/** A thin progress bar; without a percent it shows an indeterminate stripe. */
export function ProgressBar(props: { percent: number | null; label: string }) {
  const { percent, label } = props;
  const known = percent !== null;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={known ? percent : undefined}
      aria-valuetext={known ? `${percent}%` : 'waiting for ECI'}
      style={{
        height: 6,
        width: '100%',
        minWidth: 80,
        borderRadius: 'var(--bui-radius-full, 999px)',
        background: 'var(--bui-bg-neutral-3, rgba(128,128,128,0.25))',
        overflow: 'hidden',
      }}
    >
      <div
        style={{
          height: '100%',
          width: known ? `${Math.min(100, Math.max(0, percent))}%` : '30%',
          background: 'var(--bui-accent-bg, #1f5493)',
          borderRadius: 'inherit',
          transition: 'width 600ms ease-out',
          opacity: known ? 1 : 0.6,
        }}
      />
    </div>
  );
}

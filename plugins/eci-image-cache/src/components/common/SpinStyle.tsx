/**
 * The tab's stylesheet: the `eci-spin` icon class (motion stops for users who ask for less), and
 * disabled buttons that look disabled (Backstage UI draws a disabled primary button almost like
 * an enabled one).
 */
export function SpinStyle() {
  return (
    <style>
      {`@keyframes eci-spin { to { transform: rotate(360deg); } }
.eci-spin { animation: eci-spin 1.2s linear infinite; }
@media (prefers-reduced-motion: reduce) { .eci-spin { animation: none; } }
.eci-tab button:disabled, .eci-tab button[data-disabled] {
  opacity: 0.45; cursor: not-allowed; box-shadow: none; filter: saturate(0.3);
}`}
    </style>
  );
}

/**
 * The tab's stylesheet: the `eci-spin` icon class (motion stops for users who ask for less),
 * disabled buttons that look disabled (Backstage UI draws a disabled primary button almost like
 * an enabled one), and the caches table stacked into one card per cache where its seven columns
 * do not fit (a 900 px window with the sidebar, a phone), so Cache ID, Size and Delete are never
 * clipped.
 */
export function SpinStyle() {
  return (
    <style>
      {`@keyframes eci-spin { to { transform: rotate(360deg); } }
.eci-spin { animation: eci-spin 1.2s linear infinite; }
@media (prefers-reduced-motion: reduce) { .eci-spin { animation: none; } }
.eci-tab button:disabled, .eci-tab button[data-disabled] {
  opacity: 0.45; cursor: not-allowed; box-shadow: none; filter: saturate(0.3);
}
.eci-caches { container-type: inline-size; }
@container (max-width: 880px) {
  .eci-caches-table, .eci-caches-table tbody { display: block; }
  .eci-caches-table thead {
    position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
  }
  .eci-caches-table tr {
    display: grid; grid-template-columns: auto minmax(0, 1fr); margin-bottom: 8px;
    border: 1px solid var(--bui-border-1, rgba(128,128,128,0.3)); border-radius: 8px;
  }
  .eci-caches-table tr > * { display: block; border-bottom: none !important; min-width: 0; }
  .eci-caches-table tr > :not(.eci-cache-toggle):not(.eci-cache-name) { grid-column: 1 / -1; }
  .eci-caches-table td[data-label]::before {
    content: attr(data-label); display: block; color: var(--bui-fg-secondary);
    font-size: var(--bui-font-size-2, 0.8125rem);
  }
  .eci-caches-table code { white-space: normal !important; overflow-wrap: anywhere !important; }
}`}
    </style>
  );
}

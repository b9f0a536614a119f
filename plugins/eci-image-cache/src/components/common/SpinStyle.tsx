/** The keyframes of the `eci-spin` icon class; motion stops for users who ask for less. */
export function SpinStyle() {
  return (
    <style>
      {`@keyframes eci-spin { to { transform: rotate(360deg); } }
.eci-spin { animation: eci-spin 1.2s linear infinite; }
@media (prefers-reduced-motion: reduce) { .eci-spin { animation: none; } }`}
    </style>
  );
}

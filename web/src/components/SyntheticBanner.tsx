/**
 * The unmissable warning on every page that shows figures including synthetic (invented) rows:
 * at the top, in strong colours, announced to screen readers, never dismissible.
 */
export function SyntheticBanner({ count, of }: { count: number; of?: number }) {
  if (count <= 0) return null;
  return (
    <div className="synthetic-banner" role="alert">
      <strong>Synthetic data — invented, not real responses.</strong>{' '}
      {count}{of === undefined ? '' : ` of the ${of}`} records shown here were made up by the demo generator (is_synthetic = 1).
      They describe no real population: do not report these figures as findings.
    </div>
  );
}

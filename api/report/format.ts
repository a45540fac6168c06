import type { IndicatorSpec } from '../../analysis/index.ts';

/** HTML-escapes text (every value in the report goes through this). */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

/** Shares and net scores in percent (points), means and scores as they are. */
export function scaleOf(type: IndicatorSpec['type']): number {
  return type === 'share' || type === 'net' ? 100 : 1;
}

export function number(value: number | null, type: IndicatorSpec['type'], digits?: number): string {
  if (value === null) return '–';
  const scale = scaleOf(type);
  const shown = (value * scale).toFixed(digits ?? (scale === 100 ? 1 : 2));
  return type === 'share' ? `${shown}%` : shown;
}

export function interval(low: number | null, high: number | null, type: IndicatorSpec['type']): string {
  return low === null || high === null ? '' : `[${number(low, type)}, ${number(high, type)}]`;
}

/** A p-value as the report prints it: three decimals, "<0.001" below that (HTML-escaped). */
export function pValue(value: number | null): string {
  return value === null ? '–' : value < 0.001 ? '&lt;0.001' : value.toFixed(3);
}

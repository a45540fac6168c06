import type { Selection } from './types.ts';

interface Props {
  selection: Selection;
  indicators: { id: string; label: string }[];
  dimensions: string[];
  waves: number[];
  canRake: boolean;
  onChange: (selection: Selection) => void;
}

/** Indicator, breakdown, wave and weighting pickers. */
export function Controls({ selection, indicators, dimensions, waves, canRake, onChange }: Props) {
  const set = (change: Partial<Selection>) => onChange({ ...selection, ...change });
  const breakdowns = [
    ['', 'Whole sample'],
    ...dimensions.filter((dimension) => dimension !== 'wave').map((dimension) => [dimension, `By ${dimension}`]),
    ...(dimensions.includes('region') && dimensions.includes('channel') ? [['region,channel', 'Region × channel']] : []),
  ];
  return (
    <div className="controls">
      <label>Indicator
        <select value={selection.indicator} onChange={(event) => set({ indicator: event.target.value })}>
          {indicators.map((indicator) => <option key={indicator.id} value={indicator.id}>{indicator.label}</option>)}
        </select>
      </label>
      <label>Breakdown
        <select value={selection.by} onChange={(event) => set({ by: event.target.value })}>
          {breakdowns.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
        </select>
      </label>
      <label>Wave
        <select value={selection.wave} onChange={(event) => set({ wave: event.target.value })}>
          <option value="">All waves (pooled)</option>
          {waves.map((wave) => <option key={wave} value={String(wave)}>{wave}</option>)}
        </select>
      </label>
      <label>Weights
        <select value={selection.weighting} onChange={(event) => set({ weighting: event.target.value as Selection['weighting'] })}>
          {canRake && <option value="raked">Raked to census margins</option>}
          <option value="design">Design weights</option>
          <option value="none">Unweighted</option>
        </select>
      </label>
    </div>
  );
}


import { ApiError } from '../errors.ts';

export interface MicrodataQuery {
  values: 'codes' | 'labels';
  waves?: number[];
}

/** `values=codes|labels` (default codes) and `wave=2024,2025`; 422 naming a field that does not fit. */
export function parseMicrodataQuery(url: URL, storedWaves: number[]): MicrodataQuery {
  const issues: { field: string; issue: string }[] = [];
  for (const key of new Set(url.searchParams.keys())) if (key !== 'values' && key !== 'wave') issues.push({ field: key, issue: 'unknown parameter; use values, wave' });
  const values = url.searchParams.get('values') ?? 'codes';
  if (values !== 'codes' && values !== 'labels') issues.push({ field: 'values', issue: 'must be codes or labels' });
  let waves: number[] | undefined;
  const waveText = url.searchParams.get('wave');
  if (waveText !== null) {
    waves = waveText.split(',').map((part) => part.trim()).filter((part) => part !== '').map(Number);
    if (waves.length === 0 || waves.some((wave) => !Number.isInteger(wave) || !storedWaves.includes(wave))) {
      issues.push({ field: 'wave', issue: `give stored waves (${storedWaves.join(', ') || 'none'}), e.g. wave=${storedWaves[0] ?? 2025}` });
    }
  }
  if (issues.length > 0) throw new ApiError(422, 'The query does not fit this survey.', issues);
  return { values: values as MicrodataQuery['values'], ...(waves ? { waves } : {}) };
}

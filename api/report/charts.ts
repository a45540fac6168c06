import type { TopLevelSpec } from 'vega-lite';
import type { EstimateRow } from '../../analysis/index.ts';

/**
 * A Vega-Lite chart rendered to an SVG string in Node (no browser, no canvas). vega and vega-lite
 * (~50 MB in memory) are loaded on the first chart, not at start, so a server that only collects
 * responses and exports data stays small.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

// labelLimit 0: Vega cuts labels past 180 px by default ("Herzegovina-Neretva Ca…"); every label is shown whole.
const FONT = { font: 'Helvetica, Arial, sans-serif', labelFontSize: 11, titleFontSize: 11, labelLimit: 0 };
const TITLE = { fontSize: 13, limit: 0 };

/** Rows whose group values are replaced by their labels from the questionnaire (e.g. "Sarajevo Canton" for "sarajevo"). */
export function labelledRows(rows: EstimateRow[], labels: Record<string, Record<string, string>>): EstimateRow[] {
  return rows.map((row) => ({ ...row, groups: Object.fromEntries(Object.entries(row.groups).map(([dimension, value]) => [dimension, labels[dimension]?.[value] ?? value])) }));
}

/** Point estimates with confidence-interval whiskers, one line per group (suppressed rows left out). */
export function intervalChart(rows: EstimateRow[], dimension: string, title: string, scale = 1): TopLevelSpec {
  const values = rows.filter((row) => row.estimate !== null).map((row) => ({
    group: row.groups[dimension], estimate: row.estimate! * scale, low: (row.ciLow ?? row.estimate!) * scale, high: (row.ciHigh ?? row.estimate!) * scale,
    unreliable: row.flag === 'unreliable' ? 'unreliable' : 'reliable',
  }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, ...TITLE }, width: 420, height: { step: 18 }, config: { axis: FONT },
    data: { values },
    encoding: { y: { field: 'group', type: 'nominal', sort: '-x', title: null } },
    layer: [
      { mark: { type: 'rule', color: '#555' }, encoding: { x: { field: 'low', type: 'quantitative', title: 'estimate with 95% CI' }, x2: { field: 'high' } } },
      { mark: { type: 'point', filled: true, size: 60 }, encoding: {
        x: { field: 'estimate', type: 'quantitative' },
        color: { field: 'unreliable', type: 'nominal', scale: { domain: ['reliable', 'unreliable'], range: ['#1f4e79', '#d08c00'] }, legend: { title: null } },
      } },
    ],
  } as TopLevelSpec;
}

/** Region × channel heat map of one indicator; suppressed cells grey and marked. */
export function heatMap(rows: EstimateRow[], title: string, scale = 1): TopLevelSpec {
  const values = rows.map((row) => ({
    region: row.groups.region, channel: row.groups.channel,
    estimate: row.estimate === null ? null : row.estimate * scale,
    text: row.estimate === null ? '–' : (row.estimate * scale).toFixed(scale === 100 ? 0 : 1),
  }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, ...TITLE }, config: { axis: FONT, view: { stroke: null } }, padding: 8,
    width: { step: 34 }, height: { step: 20 },
    data: { values },
    encoding: { x: { field: 'channel', type: 'nominal', title: null, axis: { labelAngle: -45 } }, y: { field: 'region', type: 'nominal', title: null } },
    layer: [
      { mark: 'rect', encoding: { color: { field: 'estimate', type: 'quantitative', scale: { scheme: 'blues' }, legend: { title: scale === 100 ? 'estimate (%)' : 'estimate', format: scale === 100 ? '.0f' : '.1f' } } } },
      { mark: { type: 'rect', color: '#ddd' }, transform: [{ filter: 'datum.estimate === null' }] },
      { mark: { type: 'text', fontSize: 9 }, encoding: { text: { field: 'text' }, color: { value: '#222' } } },
    ],
  } as TopLevelSpec;
}

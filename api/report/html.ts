import type { EstimateRow, IndicatorSpec } from '../../analysis/index.ts';
import { indicatorLabel } from '../indicators/table.ts';
import type { ReportData } from './build.ts';
import { heatMap, intervalChart, labelledRows, renderSvg } from './charts.ts';
import { esc, interval, number, pValue, scaleOf } from './format.ts';
import { driversSection, programmeSection } from './model-sections.ts';
import { targetSection } from './target-section.ts';
import { REPORT_CSS } from './style.ts';

const COLUMNS_PER_TABLE = 4;

function cell(row: EstimateRow | undefined, type: IndicatorSpec['type']): string {
  if (!row) return '<td class="suppressed">no data</td>';
  if (row.flag === 'suppressed') return `<td class="suppressed" title="fewer responses than the suppression threshold">suppressed (n=${row.n})</td>`;
  const mark = row.flag === 'unreliable' ? ' <span title="unreliable: small n or high relative SE">*</span>' : '';
  return `<td class="${row.flag ?? ''}">${number(row.estimate, type)}${mark}<br><span class="muted">${interval(row.ciLow, row.ciHigh, type)} n=${row.n}</span></td>`;
}

/** One table per dimension: groups down, indicators across (a few per table so nothing is clipped when printed). */
function breakdownTables(data: ReportData, dimension: string): string {
  const rows = data.main.estimates.filter((row) => Object.keys(row.groups).length === 1 && row.groups[dimension] !== undefined);
  const groups = [...new Set(rows.map((row) => row.groups[dimension]!))];
  const find = (indicator: string, group: string) => rows.find((row) => row.indicator === indicator && row.groups[dimension] === group);
  const parts: string[] = [];
  for (let start = 0; start < data.definitions.length; start += COLUMNS_PER_TABLE) {
    const chunk = data.definitions.slice(start, start + COLUMNS_PER_TABLE);
    parts.push(`<table><thead><tr><th>${esc(dimension)}</th>${chunk.map((indicator) => `<th>${esc(indicatorLabel(indicator))}</th>`).join('')}</tr></thead><tbody>` +
      groups.map((group) => `<tr><td>${esc(data.labels[dimension]?.[group] ?? group)}</td>${chunk.map((indicator) => cell(find(indicator.id, group), indicator.type)).join('')}</tr>`).join('') +
      '</tbody></table>');
  }
  return parts.join('\n');
}

function headline(data: ReportData): string {
  const whole = data.main.estimates.filter((row) => Object.keys(row.groups).length === 0);
  return `<table><thead><tr><th>indicator</th><th>estimate</th><th>95% CI</th><th>n</th><th>design effect</th></tr></thead><tbody>${data.definitions.map((indicator) => {
    const row = whole.find((candidate) => candidate.indicator === indicator.id);
    return `<tr><td>${esc(indicatorLabel(indicator))}</td>${row?.flag === 'suppressed' ? `<td class="suppressed" colspan="2">suppressed</td>` : `<td>${number(row?.estimate ?? null, indicator.type)}</td><td>${interval(row?.ciLow ?? null, row?.ciHigh ?? null, indicator.type)}</td>`}<td>${row?.n ?? 0}</td><td>${row?.deff?.toFixed(2) ?? '–'}</td></tr>`;
  }).join('')}</tbody></table>`;
}

function reliability(data: ReportData): string {
  const rows = data.main.reliability.filter((row) => Object.keys(row.groups).length === 0 || row.groups.language !== undefined);
  return `<table><thead><tr><th>construct</th><th>group</th><th>n (complete cases)</th><th>Cronbach's alpha</th><th>items</th></tr></thead><tbody>${rows.map((row) =>
    `<tr><td>${esc(row.construct)}</td><td class="text">${esc(Object.entries(row.groups).map(([key, value]) => `${key} ${value}`).join(', ') || 'all')}</td><td>${row.n}</td><td>${row.alpha === null ? '–' : row.alpha.toFixed(3)}</td><td class="text">${esc(row.items.map((item) => item.item).join(', '))}</td></tr>`).join('')}</tbody></table>`;
}

function changes(data: ReportData): string {
  if (!data.change) return `<p>Only one wave${data.changeWave === null ? '' : ` (${data.changeWave})`} is stored: no change to report.</p>`;
  const types = new Map(data.definitions.map((indicator) => [indicator.id, indicator.type]));
  const rows = data.change.comparisons.filter((row) => Object.keys(row.groups).length === 0);
  return `<p>Wave ${data.changeWave} minus wave ${data.previousWave}; each wave is an independent sample. <b>Bold</b>: significant at the 5% level (two-sided).</p>
<table><thead><tr><th>indicator</th><th>wave ${data.previousWave}</th><th>wave ${data.changeWave}</th><th>change</th><th>95% CI</th><th>p</th></tr></thead><tbody>${rows.map((row) => {
    const type = types.get(row.indicator) ?? 'mean';
    const significant = row.pValue !== null && row.pValue < 0.05;
    const label = data.definitions.find((indicator) => indicator.id === row.indicator);
    return `<tr class="${significant ? 'significant' : ''}"><td>${esc(label ? indicatorLabel(label) : row.indicator)}</td><td>${number(row.estimateB, type)}</td><td>${number(row.estimateA, type)}</td><td>${row.difference === null ? (row.flag ?? '–') : number(row.difference, type === 'share' ? 'net' : type)}</td><td>${interval(row.ciLow, row.ciHigh, type === 'share' ? 'net' : type)}</td><td>${pValue(row.pValue)}</td></tr>`;
  }).join('')}</tbody></table>`;
}

function definitions(data: ReportData): string {
  const list = (values?: readonly (string | number)[]) => esc(values?.join(', ') ?? '');
  return `<table><thead><tr><th>id</th><th>label</th><th>type</th><th>items</th><th>favourable / unfavourable</th><th>not answers</th><th>scoring</th></tr></thead><tbody>${data.definitions.map((indicator) =>
    `<tr><td class="text">${esc(indicator.id)}</td><td class="text">${esc(indicatorLabel(indicator))}</td><td class="text">${indicator.type}</td><td class="text">${list(indicator.items ?? [indicator.item ?? ''])}</td><td class="text">${list(indicator.favourable)}${indicator.unfavourable ? ` / ${list(indicator.unfavourable)}` : ''}</td><td class="text">${list(indicator.missing)}</td><td class="text">${esc([
      indicator.reverse?.length ? `reversed: ${indicator.reverse.join(', ')}` : '', indicator.minValid ? `at least ${indicator.minValid} valid items` : '',
      indicator.rescale ? `rescaled ${indicator.rescale.from.join('–')} to ${indicator.rescale.to.join('–')}` : '', `CI: ${indicator.ci ?? (indicator.type === 'share' ? 'logit' : 't')}`,
    ].filter(Boolean).join('; '))}</td></tr>`).join('')}</tbody></table>`;
}

/** Which waves the report covers, in the dashboard's words ("All waves" pools every stored wave). */
export function waveText(data: Pick<ReportData, 'wave' | 'waves'>): string {
  if (data.wave !== null) return `wave ${data.wave}`;
  return data.waves.length === 0 ? 'all responses' : `all waves pooled (${data.waves.join(', ')})`;
}

/** The self-contained HTML report (inline CSS and SVG, nothing loaded from elsewhere). */
export async function reportHtml(data: ReportData): Promise<string> {
  const { main } = data;
  const lead = data.definitions.find((indicator) => indicator.id === 'trust_fav') ?? data.definitions[0];
  const charts: string[] = [];
  if (lead) {
    const scale = scaleOf(lead.type);
    const label = indicatorLabel(lead) + (scale === 100 ? ' (%)' : '');
    const rows = (dimension: string) => main.estimates.filter((row) => row.indicator === lead.id && Object.keys(row.groups).length === 1 && row.groups[dimension] !== undefined);
    for (const dimension of data.dimensions) charts.push(await renderSvg(intervalChart(labelledRows(rows(dimension), data.labels), dimension, `${label} by ${dimension}`, scale)));
    if (data.dimensions.length === 2) {
      const crossed = main.estimates.filter((row) => row.indicator === lead.id && Object.keys(row.groups).length === 2);
      charts.push(await renderSvg(heatMap(labelledRows(crossed, data.labels), `${label}: region × channel`, scale)));
    }
  }
  const suppression = main.suppression;
  const notes = main.notes.map((note) => `<li>${esc(note)}</li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${main.synthetic > 0 ? 'SYNTHETIC DATA — ' : ''}${esc(data.title)} — report, ${esc(waveText(data))}</title><style>${REPORT_CSS}</style></head>
<body>
${main.synthetic > 0 ? `<div class="synthetic-banner" role="alert"><strong>Synthetic data — invented, not real responses.</strong> ${main.synthetic} of the records in this report were made up by the demo generator (<code>is_synthetic</code> = 1). Nothing here describes a real population; do not report these figures as findings.</div>` : ''}
<section class="first">
<h1>${esc(data.title)}</h1>
<p class="muted">Survey <code>${esc(data.survey.slug)}</code>, questionnaire version ${main.version}, <strong>${esc(waveText(data))}</strong>. Report generated ${esc(new Date().toISOString().slice(0, 10))} by Trustlens.</p>
<h2>What was measured and how</h2>
<ul>
<li>Sample: ${main.design.n} responses${Object.entries(data.fieldwork.byMode).length > 0 ? ` (${Object.entries(data.fieldwork.byMode).map(([mode, n]) => `${esc(mode)} ${n}`).join(', ')})` : ''}; fieldwork ${esc(data.fieldwork.first?.slice(0, 10) ?? '?')} to ${esc(data.fieldwork.last?.slice(0, 10) ?? '?')}.</li>
<li>Design: ${main.design.strata} strata, ${main.design.psus} primary sampling units, ${main.design.degf} degrees of freedom; design-based estimates (Taylor linearisation) as R's survey package; breakdowns are domain estimates over the full design.</li>
<li>Weighting: ${esc(data.weighting === 'raked' ? `design weights raked to census margins${data.weightingSource ? ` (${data.weightingSource})` : ''}` : data.weighting === 'design' ? 'design weights' : 'none (every response counts the same)')}. Responses without a design weight: ${main.withoutDesignWeight}.</li>
<li>Small cells: ${suppression ? `estimates from fewer than ${suppression.minN} responses are suppressed; below ${suppression.flagBelowN} responses or with a relative standard error of ${suppression.flagRse * 100}% or more they are marked * (unreliable).` : 'no suppression rule.'}</li>
<li>Contact channels overlap: a resident who used several channels counts in each.</li>
${notes}
</ul>
<h3>Responses by region</h3>
<table><thead><tr><th>region</th><th>n</th></tr></thead><tbody>${data.byRegion.map(([region, n]) => `<tr><td>${esc(region === '(none)' ? 'No region (screened-out contacts)' : (data.labels.region?.[region] ?? region))}</td><td>${n}</td></tr>`).join('')}</tbody></table>
</section>
<section><h2>Headline indicators</h2>${headline(data)}</section>
${charts.length > 0 ? `<section><h2>Charts</h2><p class="key muted"><span>● estimate</span><span>— 95% confidence interval</span><span>orange: unreliable</span><span>grey “–”: suppressed</span></p>${charts.map((svg) => `<div class="chart">${svg}</div>`).join('\n')}</section>` : ''}
${data.dimensions.map((dimension) => `<section><h2>By ${esc(dimension)}</h2><p class="muted">Estimate, [95% CI] and n; * unreliable; “suppressed”: too few responses to publish.</p>${breakdownTables(data, dimension)}</section>`).join('\n')}
<section><h2>Scale reliability</h2><p class="muted">Cronbach's alpha on complete cases (R psych::alpha raw_alpha), for the whole sample and per language of the interview.</p>${reliability(data)}</section>
${await driversSection(data.models, waveText(data))}
<section><h2>Change between waves</h2>${changes(data)}</section>
${programmeSection(data.programme, data.definitions)}
${targetSection(data.targets)}
<section><h2>Definitions of the indicators</h2>${definitions(data)}</section>
</body></html>`;
}

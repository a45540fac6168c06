import type { IndicatorSpec } from '../../analysis/index.ts';
import type { ContrastEntry, ModelEntry, ModelTable } from '../indicators/model-table.ts';
import { renderSvg } from './charts.ts';
import { esc, interval, number, pValue } from './format.ts';
import { coefficientChart, coefficientScale } from './model-charts.ts';

const coefficient = (value: number | null) => (value === null ? '–' : value.toFixed(3));

async function modelSection(model: ModelEntry, table: ModelTable, when: string): Promise<string> {
  const heading = `<h3>${esc(model.label)}</h3>`;
  if (model.error !== null) return `${heading}<p>This model cannot be fitted to these responses: ${esc(model.error)}</p>`;
  const rule = table.suppression;
  const flag = model.flag === 'suppressed'
    ? `<p class="suppressed">Fewer than ${rule.minN} respondents: the coefficients are withheld.</p>`
    : model.flag === 'unreliable' ? `<p>* Fewer than ${rule.flagBelowN} respondents: read these coefficients as unreliable.</p>` : '';
  const chart = model.flag === 'suppressed' ? '' : `<div class="chart">${await renderSvg(coefficientChart(model, `${model.label} (${when}, n = ${model.n})`))}</div>`;
  const rows = model.coefficients.map((row) => `<tr><td class="text">${esc(row.label)}</td><td>${coefficient(row.estimate)}</td><td>${row.ciLow === null ? '' : `[${coefficient(row.ciLow)}, ${coefficient(row.ciHigh)}]`}</td><td>${coefficient(row.se)}</td><td>${pValue(row.pValue)}</td></tr>`).join('');
  return `${heading}
<p class="muted">${model.family === 'binomial' ? 'Logistic' : 'Linear'} regression of ${esc(model.outcome.label)} on ${model.n} respondents, ${esc(when)}; ${model.dfResidual} residual degrees of freedom. Each coefficient is the ${esc(coefficientScale(model))} with the other predictors held equal.${model.references.length > 0 ? ` Categories are compared with ${esc(model.references.join('; '))}.` : ''}</p>
${flag}${chart}
<table><thead><tr><th>predictor</th><th>coefficient</th><th>95% CI</th><th>SE</th><th>p</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/**
 * "What drives trust": each model of the meta (R svyglm) as a dot-and-whisker chart and a table of
 * coefficients in words, with what they mean and do not mean.
 */
export async function driversSection(table: ModelTable | null, when: string): Promise<string> {
  if (!table || table.models.length === 0) return '';
  const parts = await Promise.all(table.models.map((model) => modelSection(model, table, when)));
  return `<section><h2>What drives trust</h2>
<p class="muted">Design-based regressions (R's <code>svyglm</code>, with the survey's strata, sampling points and weights). They show which perceptions go with trust when the others are held equal: associations in these data, not proof of causes.</p>
${parts.join('\n')}</section>`;
}

function contrastRow(contrast: ContrastEntry, type: IndicatorSpec['type']): string {
  if (contrast.error !== null) return `<tr><td class="text">${esc(contrast.label)}</td><td class="text" colspan="7">cannot be estimated: ${esc(contrast.error)}</td></tr>`;
  const { means, n, labels } = contrast;
  const cell = (value: number | null, count: number) => `${number(value, type)}<br><span class="muted">n=${count}</span>`;
  const difference = type === 'share' ? 'net' : type;
  const significant = contrast.pValue !== null && contrast.pValue < 0.05;
  const shown = contrast.flag === 'suppressed' ? '<td class="suppressed" colspan="3">suppressed</td>'
    : `<td>${number(contrast.estimate, difference)}${contrast.flag === 'unreliable' ? ' *' : ''}</td><td>${interval(contrast.ciLow, contrast.ciHigh, difference)}</td><td>${pValue(contrast.pValue)}</td>`;
  return `<tr class="${significant ? 'significant' : ''}"><td class="text">${esc(contrast.label)}<br><span class="muted">${esc(contrast.indicatorLabel)}: ${esc(labels.treated)} against ${esc(labels.control)}, ${esc(labels.before)} to ${esc(labels.after)}</span></td>`
    + `<td>${cell(means.treatedBefore, n.treatedBefore)}</td><td>${cell(means.treatedAfter, n.treatedAfter)}</td><td>${cell(means.controlBefore, n.controlBefore)}</td><td>${cell(means.controlAfter, n.controlAfter)}</td>${shown}</tr>`;
}

/**
 * "Programme effect": each `did` contrast, the change in the programme area minus the change in
 * the comparison area, with the four cell estimates it is made of, its 95% interval and p-value.
 */
export function programmeSection(table: ModelTable | null, definitions: IndicatorSpec[]): string {
  if (!table || table.contrasts.length === 0) return '';
  const type = (id: string) => definitions.find((indicator) => indicator.id === id)?.type ?? 'mean';
  return `<section><h2>Programme effect</h2>
<p class="muted">Difference in differences: (programme area after − before) − (comparison area after − before), from the one design (R <code>svyby</code> + <code>svycontrast</code>), every wave's responses. It is the programme's effect only if both areas would otherwise have changed alike. Shares in percent, their differences in percentage points. <b>Bold</b>: significant at the 5% level (two-sided); * unreliable.</p>
<table><thead><tr><th>contrast</th><th>programme area, before</th><th>programme area, after</th><th>comparison area, before</th><th>comparison area, after</th><th>effect</th><th>95% CI</th><th>p</th></tr></thead><tbody>${table.contrasts.map((contrast) => contrastRow(contrast, type(contrast.indicator))).join('')}</tbody></table></section>`;
}

import type { TargetRow, TargetTable } from '../indicators/target-table.ts';
import { esc, interval, number, pValue } from './format.ts';


function targetRow(row: TargetRow): string {
  const type = row.type;
  // A change of a share is in percentage points, as in "Change between waves".
  const difference = type === 'share' ? 'net' : type;
  const estimate = (entry: TargetRow['baseline']) => (entry === null ? '<td class="text" colspan="2">no responses</td>'
    : entry.flag === 'suppressed' ? '<td class="suppressed" colspan="2">suppressed</td>'
      : `<td>${number(entry.estimate, type)}${entry.flag === 'unreliable' ? ' *' : ''}<br><span class="muted">${esc(entry.wave)}, n=${entry.n}</span></td><td>${interval(entry.ciLow, entry.ciHigh, type)}</td>`);
  const change = row.change && row.change.difference !== null
    ? `<td>${number(row.change.difference, difference)}</td><td>${interval(row.change.ciLow, row.change.ciHigh, difference)}</td><td>${pValue(row.change.pValue)}</td>`
    : '<td colspan="3">–</td>';
  return `<tr><td class="text">${esc(row.label)}</td>${estimate(row.baseline)}${estimate(row.latest)}<td>${number(row.target, type)}${row.direction === 'decrease' ? ' or lower' : ''}<br><span class="muted">by ${esc(row.year)}</span></td>${change}`
    + `<td class="text">${esc(row.status ?? '–')}${row.note ? `<br><span class="muted">${esc(row.note)}</span>` : ''}</td></tr>`;
}

/**
 * "Programme targets": the logframe table of the meta's targets (baseline, latest, target, change
 * since baseline with interval and p, and whether the target is reached), labels not codes.
 */
export function targetSection(table: TargetTable | null): string {
  if (!table || table.targets.length === 0) return '';
  return `<section><h2>Programme targets</h2>
<p class="muted">Each target's baseline wave and the latest wave (${esc(table.latestWave ?? '–')}), with 95% intervals, every wave's responses; the change since baseline is the difference between the waves from the one design, with its interval and p-value. A target is <i>reached with confidence</i> when the latest wave's whole interval is on the target's side, <i>by the point estimate only</i> when the estimate is but the interval reaches across it. Shares in percent, their changes in percentage points; * unreliable.</p>
<table><thead><tr><th>indicator</th><th>baseline</th><th>95% CI</th><th>latest</th><th>95% CI</th><th>target</th><th>change</th><th>95% CI</th><th>p</th><th>status</th></tr></thead><tbody>${table.targets.map(targetRow).join('')}</tbody></table></section>`;
}

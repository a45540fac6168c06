import { Hono, type Context } from 'hono';
import type { Store } from '../db/store/index.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { parseWaves, parseWeighting, type Issue } from '../indicators/query.ts';
import { surveyContext } from '../indicators/table.ts';
import { compute } from '../compute/compute-thread.ts';
import { reportHtml } from '../report/html.ts';
import { htmlToPdf } from '../report/pdf.ts';

/**
 * GET /api/surveys/:slug/report.html?wave=2025&weighting=raked — the printable report of a wave
 * (default: every wave pooled, as the dashboard's "All waves"); GET …/report.pdf — the same printed by headless Chromium. Aggregates only.
 */
export function reportRoutes(store: Store, options: { chromiumPath?: string } = {}) {
  const build = async (c: Context<AppEnv>, format: 'html' | 'pdf') => {
    const auth = c.get('auth');
    const survey = await store.access.surveyFor(c.req.param('slug') ?? '', auth, 'aggregates');
    const context = await surveyContext(store.indicators, survey);
    const url = new URL(c.req.url);
    const issues: Issue[] = [];
    for (const key of new Set(url.searchParams.keys())) if (key !== 'wave' && key !== 'weighting') issues.push({ field: key, issue: 'unknown parameter; use wave, weighting' });
    const waves = parseWaves(url.searchParams.get('wave'), context.waves, issues);
    if (waves !== undefined && waves.length > 1) issues.push({ field: 'wave', issue: 'the report is of one wave (it compares it with the one before)' });
    const wave = waves?.[0];
    const weighting = parseWeighting(url.searchParams.get('weighting'), context.meta, issues);
    if (issues.length > 0) throw new ApiError(422, 'The query does not fit this survey.', issues);
    const data = await compute(store.indicators, 'report', { surveyId: survey.id, ...(wave === undefined ? {} : { wave }), weighting });
    const html = await reportHtml(data);
    // Recorded once the report exists (for the PDF: once it is printed), so a refused or failed one leaves no entry.
    const audit = () => store.audit.record({ userId: auth!.user.id, action: `export.report.${format}`, surveyId: survey.id, details: Object.fromEntries(url.searchParams) });
    return { survey, html, wave, audit, synthetic: data.main.synthetic };
  };
  return new Hono<AppEnv>()
    .get('/:slug/report.html', async (c) => {
      const { html, audit } = await build(c, 'html');
      await audit();
      return c.html(html);
    })
    .get('/:slug/report.pdf', async (c) => {
      const { survey, html, wave, audit, synthetic } = await build(c, 'pdf');
      const pdf = await htmlToPdf(html, options.chromiumPath ?? '/usr/bin/chromium', { synthetic });
      await audit();
      return c.body(new Uint8Array(pdf), 200, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${survey.slug}-report${wave === undefined ? '' : `-${wave}`}.pdf"`,
      });
    });
}

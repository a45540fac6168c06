import { Hono } from 'hono';
import { fieldworkQuality, type QualityFigures } from '../../analysis/quality/index.ts';
import type { Store } from '../db/store/index.ts';
import type { AppEnv } from '../env.ts';
import { syntheticCount } from '../indicators/synthetic-counts.ts';
import { qualitySpec, questionsRead } from '../quality/spec.ts';

/** A flag as sent: how many responses, and (for those who may read microdata) which. */
const flag = (ids: string[], withIds: boolean) => (withIds ? { count: ids.length, ids } : { count: ids.length });
const identical = (groups: string[][], withIds: boolean) => ({
  groups: groups.length, count: groups.reduce((sum, group) => sum + group.length, 0), ...(withIds ? { ids: groups } : {}),
});
const figures = (result: QualityFigures, withIds: boolean) => ({
  interviews: result.interviews,
  perDay: result.perDay,
  medianDurationSeconds: result.medianDurationSeconds,
  short: flag(result.short, withIds),
  straightLining: flag(result.straightLining, withIds),
  identical: identical(result.identical, withIds),
});

/**
 * GET /api/surveys/:slug/quality — fieldwork quality per enumerator and overall (the flags are
 * computed by analysis/quality; docs/methods.md says how). Admins and the survey's researchers
 * get the ids of the responses behind each flag and the enumerators' e-mails; evaluators get the
 * counts, with enumerators numbered instead of named.
 */
export function qualityRoutes(store: Store) {
  return new Hono<AppEnv>().get('/:slug/quality', async (c) => {
    const auth = c.get('auth');
    const survey = await store.access.surveyFor(c.req.param('slug'), auth, 'aggregates');
    const withIds = auth!.role !== 'evaluator';
    const spec = qualitySpec(await store.indicators.surveyLayout(survey.id));
    const report = fieldworkQuality(await store.quality.interviews(survey.id, questionsRead(spec)), spec);
    const ids = report.groups.flatMap((group) => (group.enumerator === null ? [] : [Number(group.enumerator)]));
    const emails = withIds ? await store.quality.emails(ids) : new Map<string, string>();
    let number = 0;
    return c.json({
      slug: survey.slug,
      responsesVisible: withIds,
      // The flags are computed over every stored response, synthetic ones included: say how many.
      synthetic: await syntheticCount(store.indicators, survey.id),
      thresholds: report.thresholds,
      shortThresholdSeconds: report.shortThresholdSeconds,
      constructs: spec.constructs.filter((construct) => construct.items.length >= report.thresholds.straightMinItems).map((construct) => construct.id),
      patternItems: spec.patternItems.length,
      overall: { ...figures(report.overall, withIds), dontKnowShare: report.overall.dontKnowShare },
      groups: report.groups.map((group) => ({
        enumerator: group.enumerator === null ? null
          : { label: withIds ? (emails.get(group.enumerator) ?? `account ${group.enumerator}`) : `Enumerator ${++number}`, ...(withIds ? { id: Number(group.enumerator) } : {}) },
        ...figures(group, withIds),
        dontKnow: {
          share: group.dontKnow.share, othersShare: group.dontKnow.othersShare, z: group.dontKnow.z, flagged: group.dontKnow.flagged,
          ...flag(group.dontKnow.ids, withIds),
        },
      })),
    });
  });
}

import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** The WCAG 2.1 A and AA rule sets of axe-core: the accessibility bar every page must clear. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** One axe-core violation, reduced to what a reader of a failed test needs to find and fix it. */
export interface AxeViolation {
  rule: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

/**
 * Runs axe-core's WCAG 2.1 A/AA rules on the page once its finite animations have ended (injected
 * from node_modules, no download) and returns the violations, each with the selectors of the offending nodes.
 * Tests assert `expect(await axeViolations(page)).toEqual([])`, so a failure lists what to fix.
 */
export async function axeViolations(page: Page, options: { exclude?: string[] } = {}): Promise<AxeViolation[]> {
  // A question that has just appeared fades in (SurveyJS animates it); measured mid-fade its text
  // is paler than it will be, and axe would report a contrast the user never sees for long.
  await page.waitForFunction(() => document.getAnimations().every((animation) =>
    animation.playState !== 'running' || animation.effect?.getComputedTiming().endTime === Infinity), undefined, { timeout: 15_000 });
  await page.addScriptTag({ path: axeSource });
  return page.evaluate(async ({ tags, exclude }) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    const context = exclude.length > 0 ? { include: [['html']], exclude: exclude.map((selector) => [selector]) } : document;
    const result = await axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => ({ target: node.target.map(String).join(' '), summary: (node.failureSummary ?? '').split('\n').slice(0, 2).join(' ') })),
    }));
  }, { tags: WCAG_21_AA, exclude: options.exclude ?? [] });
}

import type { Model } from 'survey-core';
// Only `version` is bundled: Vite turns a named JSON import into that one value.
import { version } from '../../../package.json';
import { offlineSecondsBetween } from './offline-time.ts';

/** How a questionnaire was filled in; the server's form is api/paradata/schema.ts. Nothing identifying. */
export interface Paradata {
  appVersion?: string;
  pages?: { name: string; seconds: number }[];
  languageSwitches?: { from: string; to: string; atSeconds: number }[];
  offlineSeconds?: number;
  queuedSeconds?: number;
}

/** The server refuses more than a week; a clock jump or a tablet left on for longer is cut to it. */
const WEEK_SECONDS = 7 * 24 * 3600;
const seconds = (value: number) => Math.min(WEEK_SECONDS, Math.max(0, Math.round(value * 1000) / 1000));
const languageOf = (locale: string) => (locale === '' ? 'en' : locale);

type LanguageSwitch = NonNullable<Paradata['languageSwitches']>[number];

/**
 * When a questionnaire's first page appeared (the monotonic page clock and the wall clock), and
 * the language switches made on it before the model existed (the respondent page's early page).
 */
export interface ShownSince {
  at: number;
  epoch: number;
  switches: LanguageSwitch[];
}

/** The moment now, for `recordParadata`'s `shownSince`. */
export function shownNow(): ShownSince {
  return { at: performance.now(), epoch: Date.now(), switches: [] };
}

/** Notes a change of language made before the model existed; a model made later starts with these. */
export function noteEarlyLanguageSwitch(since: ShownSince, from: string, to: string): void {
  if (from === to || since.switches.length >= 100) return;
  since.switches.push({ from, to, atSeconds: seconds((performance.now() - since.at) / 1000) });
}

/**
 * Starts timing a questionnaire as it is shown (or since `shownSince`, when its first page was on
 * screen before the model was made: the respondent page's early first page): seconds on each page (summed over visits, by the
 * monotonic page clock, so a change of the device's clock cannot make them negative), each change
 * of language, and the time offline while answering. `finish()` at completion gives the paradata.
 */
export function recordParadata(model: Model, clock: () => number = () => performance.now(), shownSince?: ShownSince) {
  const shownAt = shownSince?.at ?? clock();
  const shownAtEpoch = shownSince?.epoch ?? Date.now();
  const pages = new Map<string, number>();
  const switches: LanguageSwitch[] = [...(shownSince?.switches ?? [])];
  let page = model.currentPage?.name as string | undefined;
  let pageSince = shownAt;
  let locale = languageOf(model.locale);

  const leavePage = () => {
    const now = clock();
    if (page) pages.set(page, (pages.get(page) ?? 0) + (now - pageSince) / 1000);
    pageSince = now;
  };
  model.onCurrentPageChanged.add((sender) => {
    leavePage();
    page = sender.currentPage?.name;
  });
  model.onLocaleChangedEvent.add((sender) => {
    const next = languageOf(sender.locale);
    if (next === locale || switches.length >= 100) return;
    switches.push({ from: locale, to: next, atSeconds: seconds((clock() - shownAt) / 1000) });
    locale = next;
  });

  return {
    finish(): Paradata {
      leavePage();
      page = undefined;
      return {
        appVersion: version,
        pages: [...pages].slice(0, 500).map(([name, value]) => ({ name, seconds: seconds(value) })),
        languageSwitches: [...switches],
        offlineSeconds: seconds(offlineSecondsBetween(shownAtEpoch, Date.now())),
      };
    },
  };
}

/**
 * The paradata as sent now: the offline time this page saw since completion is added to that
 * seen while answering, and `queuedSeconds` says how long the submission has waited on the device.
 * The stored outbox entry is left as it was, so every retry measures from completion again.
 */
export function paradataAtSending<T extends { completedAt?: string; paradata?: Paradata }>(submission: T, now = Date.now()): T {
  if (!submission.paradata) return submission;
  const completed = submission.completedAt ? Date.parse(submission.completedAt) : NaN;
  if (!Number.isFinite(completed)) return submission;
  return {
    ...submission,
    paradata: {
      ...submission.paradata,
      offlineSeconds: seconds((submission.paradata.offlineSeconds ?? 0) + offlineSecondsBetween(completed, now)),
      queuedSeconds: seconds((now - completed) / 1000),
    },
  };
}

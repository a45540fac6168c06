import { deriveIndicators } from '../../../surveys/compose.ts';
import type { Item } from '../../../surveys/items/index.ts';
import type { IndicatorSpec } from '../../../surveys/types.ts';
import { questionNames, type Draft } from './draft-model.ts';

/** The bank items the draft asks (questions named like a bank item), in bank order. */
export function bankItemsIn(draft: Draft, bank: Item[]): Item[] {
  const names = questionNames(draft);
  return bank.filter((item) => names.has(item.name));
}

/**
 * The indicator set that follows from the items chosen (surveys/compose.ts deriveIndicators: a
 * share favourable per item, a mean for 0–10 items, a 0–100 scale score and reliability set per
 * construct with two or more items on one range). Indicators the researcher edited (same id)
 * keep their edits; indicators whose items are gone are dropped.
 */
export function deriveForDraft(draft: Draft, bank: Item[]): Draft {
  const derived = deriveIndicators(bankItemsIn(draft, bank));
  const previous = new Map((draft.meta.indicators ?? []).map((indicator) => [indicator.id, indicator]));
  const indicators = (derived.indicators ?? []).map((indicator) => {
    const earlier = previous.get(indicator.id);
    return earlier && sameItems(earlier, indicator) ? { ...indicator, ...earlier } : indicator;
  });
  return { definition: draft.definition, meta: { ...draft.meta, indicators, reliability: derived.reliability ?? [] } };
}

function sameItems(a: IndicatorSpec, b: IndicatorSpec): boolean {
  return (a.item ?? '') === (b.item ?? '') && (a.items ?? []).join() === (b.items ?? []).join();
}

export function updateIndicator(draft: Draft, id: string, change: Partial<IndicatorSpec>): Draft {
  const indicators = (draft.meta.indicators ?? []).map((indicator) => (indicator.id === id ? { ...indicator, ...change } : indicator));
  return { definition: draft.definition, meta: { ...draft.meta, indicators } };
}

export function removeIndicator(draft: Draft, id: string): Draft {
  const indicators = (draft.meta.indicators ?? []).filter((indicator) => indicator.id !== id);
  return { definition: draft.definition, meta: { ...draft.meta, indicators } };
}

/** Quota targets per region (`meta.quotas.region`), read by the fieldwork monitor. */
export function regionQuotas(draft: Draft): Record<string, number> {
  return { ...((draft.meta.quotas as { region?: Record<string, number> } | undefined)?.region ?? {}) };
}

/** Sets (or, with undefined, removes) the quota target of one region. */
export function setRegionQuota(draft: Draft, region: string, target: number | undefined): Draft {
  const region_ = regionQuotas(draft);
  if (target === undefined || !Number.isFinite(target) || target <= 0) delete region_[region];
  else region_[region] = Math.round(target);
  const quotas = { ...((draft.meta.quotas as Record<string, unknown> | undefined) ?? {}), region: region_ };
  return { definition: draft.definition, meta: { ...draft.meta, quotas } };
}

import type { LanguageCode } from '../../../surveys/types.ts';
import type { Draft } from './draft-model.ts';
import type { FieldProblem } from './problems.ts';

/** What every editing panel of the builder gets: the draft, a way to change it, and the checker's findings. */
export interface Editing {
  draft: Draft;
  change: (operation: (draft: Draft) => Draft) => void;
  languages: LanguageCode[];
  /** Problems by target key: `question:<name>`, `page:<index>`, `meta:<section>`, `survey`. */
  problems: Map<string, (FieldProblem & { detail: string })[]>;
  /** Warnings (they do not stop publishing) by the same keys. */
  warnings: Map<string, (FieldProblem & { detail: string })[]>;
}

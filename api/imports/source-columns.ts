import type { QuestionInfo } from '../../surveys/questions.ts';

/** What one column of an imported file holds. */
export type ColumnRole =
  | { kind: 'field'; field: ResponseField }
  /** A question's answer (for a multiple-response question: its codes separated by spaces, as KoBoToolbox writes them). */
  | { kind: 'answer'; question: QuestionInfo }
  /** One 0/1 column of a multiple-response question (`q_choice` in our export, `q/choice` in KoBoToolbox's). */
  | { kind: 'member'; question: QuestionInfo; choice: string | number }
  /** The text of an "other (describe)" box or a comment area, stored under `<question>-Comment`. */
  | { kind: 'comment'; key: string }
  /** Metadata of the source tool (KoBoToolbox's `_id`, `_submission_time`, …) or of our own export (version, mode, received_at): not stored. */
  | { kind: 'ignored' }
  | { kind: 'unknown' };

export type ResponseField = 'sourceId' | 'isSynthetic' | 'language' | 'wave' | 'stratum' | 'psu' | 'weight' | 'startedAt' | 'completedAt';
export type SourceFormat = 'trustlens' | 'kobo' | 'csv';

/** Our microdata export's response columns (api/exports/microdata-columns.ts FIXED_COLUMNS), and KoBoToolbox's names for the same things. */
const FIELDS: Record<string, ResponseField> = {
  id: 'sourceId', _uuid: 'sourceId', is_synthetic: 'isSynthetic', language: 'language',
  wave: 'wave', stratum: 'stratum', strata: 'stratum', psu: 'psu', cluster: 'psu', weight: 'weight',
  started_at: 'startedAt', start: 'startedAt', completed_at: 'completedAt', end: 'completedAt',
};
/** Columns of our own export that describe how a row was stored, not what was answered: the import sets them anew. */
const OWN_METADATA = new Set(['version', 'mode', 'received_at']);
/** KoBoToolbox's metadata groups and questions (XLSForm metadata types) that are not answers. */
const KOBO_METADATA = new Set(['today', 'deviceid', 'username', 'simserial', 'subscriberid', 'phonenumber', 'audit', 'audit_url', 'instanceid', 'instancename', 'rootuuid', 'deprecatedid']);
const MULTIPLE = new Set(['checkbox', 'tagbox']);

export interface ColumnContext {
  /** Answer-bearing questions of the version imported into, by name (top level only). */
  questions: Map<string, QuestionInfo>;
  /** Question name → the name it had in the file its questionnaire was imported from (meta.originalNames), read backwards. */
  originalNames: Record<string, string>;
  /** The questionnaire's own design column names (meta.design: weight, strata, cluster), mapped like ours. */
  design: { weight?: string; strata?: string; cluster?: string };
}

/** Which of the formats the header is: our own export (`id` … `received_at`), KoBoToolbox's (`_uuid`, `_submission_time`), or another CSV with question names. */
export function sourceFormat(header: string[]): SourceFormat {
  if (header.includes('id') && header.includes('received_at')) return 'trustlens';
  if (header.includes('_uuid') || header.includes('_submission_time') || header.some((name) => name.includes('/'))) return 'kobo';
  return 'csv';
}

/**
 * The role of each column, by name: our export's names (`trust_police`, `channels_used_phone_122`,
 * `region-Comment`), KoBoToolbox's group paths (`group_x/q1`: the last part is the question,
 * `q/a` a choice of a select_multiple, `q_other` the text of its `or_other`), and the design
 * columns by name (weight, stratum or strata, psu or cluster, wave, or the names in meta.design).
 */
export function columnRoles(header: string[], context: ColumnContext): ColumnRole[] {
  const renamed = new Map(Object.entries(context.originalNames).map(([name, original]) => [original.toLowerCase(), name]));
  const question = (name: string) => context.questions.get(name) ?? context.questions.get(renamed.get(name.toLowerCase()) ?? '');
  const design = new Map<string, ResponseField>([
    ...(context.design.weight ? [[context.design.weight, 'weight'] as const] : []),
    ...(context.design.strata ? [[context.design.strata, 'stratum'] as const] : []),
    ...(context.design.cluster ? [[context.design.cluster, 'psu'] as const] : []),
  ]);
  return header.map((name): ColumnRole => {
    if (name.startsWith('_') || name.startsWith('meta/') || name.startsWith('formhub/')) return FIELDS[name] ? { kind: 'field', field: FIELDS[name] } : { kind: 'ignored' };
    if (OWN_METADATA.has(name)) return { kind: 'ignored' };
    const parts = name.split('/');
    const last = parts.at(-1)!;
    const asked = question(last);
    if (asked) return { kind: 'answer', question: asked };
    // KoBoToolbox's 0/1 column of a select_multiple choice: <path>/<question>/<choice>.
    const parent = parts.length > 1 ? question(parts.at(-2)!) : undefined;
    if (parent && MULTIPLE.has(parent.type)) {
      const choice = parent.values?.find((value) => String(value) === last);
      if (choice !== undefined) return { kind: 'member', question: parent, choice };
    }
    const field = FIELDS[last.toLowerCase()] ?? design.get(last);
    if (field) return { kind: 'field', field };
    if (last.endsWith('-Comment') && question(last.slice(0, -'-Comment'.length))) return { kind: 'comment', key: `${question(last.slice(0, -'-Comment'.length))!.name}-Comment` };
    // XLSForm's or_other adds a text question <question>_other; SurveyJS keeps that text as <question>-Comment.
    if (last.endsWith('_other') && question(last.slice(0, -'_other'.length))) return { kind: 'comment', key: `${question(last.slice(0, -'_other'.length))!.name}-Comment` };
    const member = memberColumn(last, context.questions);
    if (member) return member;
    if (KOBO_METADATA.has(last.toLowerCase())) return { kind: 'ignored' };
    return { kind: 'unknown' };
  });
}

/** Our export's `<question>_<choice>` column of a multiple-response question (the longest question name that fits). */
function memberColumn(name: string, questions: Map<string, QuestionInfo>): ColumnRole | undefined {
  for (let cut = name.lastIndexOf('_'); cut > 0; cut = name.lastIndexOf('_', cut - 1)) {
    const asked = questions.get(name.slice(0, cut));
    if (!asked || !MULTIPLE.has(asked.type)) continue;
    const choice = asked.values?.find((value) => String(value) === name.slice(cut + 1));
    if (choice !== undefined) return { kind: 'member', question: asked, choice };
  }
  return undefined;
}

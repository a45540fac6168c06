import type { Draft } from './draft-model.ts';
import { describeProblem, targetOf, type FieldProblem } from './problems.ts';
import { textIn } from './translations.ts';
import { pagesOf } from './draft-model.ts';

/** Where a problem is, in words: "Question “bus”", "Page 2", "Indicators", "Questionnaire". */
function place(draft: Draft, problem: FieldProblem): { where: string; detail: string } {
  const target = targetOf(draft, problem.field);
  switch (target.kind) {
    case 'question': return { where: `Question “${target.name}”`, detail: target.detail };
    case 'page': return { where: `Page ${target.index + 1} (${textIn(pagesOf(draft)[target.index]?.title, 'en') || pagesOf(draft)[target.index]?.name || '?'})`, detail: target.detail };
    case 'meta': return { where: `Settings: ${target.section}`, detail: target.detail };
    case 'survey': return { where: 'Questionnaire', detail: target.detail };
  }
}

/** The checker's warnings (publishing goes on), each saying which element it is about. */
export function WarningSummary({ draft, warnings }: { draft: Draft; warnings: FieldProblem[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="notice notice-warning problem-summary" role="status">
      <p><strong>{warnings.length === 1 ? '1 warning' : `${warnings.length} warnings`}</strong> (publishing is possible, but the answers may contradict each other):</p>
      <ul>
        {warnings.map((warning) => {
          const { where, detail } = place(draft, warning);
          return <li key={warning.field + warning.issue}><strong>{where}</strong> — {describeProblem({ detail, issue: warning.issue })}</li>;
        })}
      </ul>
    </div>
  );
}

/** Every problem the checker finds, each saying which element it is about. */
export function ProblemSummary({ draft, problems }: { draft: Draft; problems: FieldProblem[] }) {
  if (problems.length === 0) return <p className="notice notice-success" role="status">The checker finds no problem: this questionnaire can be published.</p>;
  return (
    <div className="notice notice-error problem-summary" role="status">
      <p><strong>{problems.length === 1 ? '1 problem' : `${problems.length} problems`}</strong> to fix before publishing:</p>
      <ul>
        {problems.map((problem) => {
          const { where, detail } = place(draft, problem);
          return <li key={problem.field + problem.issue}><strong>{where}</strong> — {describeProblem({ detail, issue: problem.issue })}</li>;
        })}
      </ul>
    </div>
  );
}

import { describeProblem } from './problems.ts';

interface Props {
  problems: { detail: string; issue: string; field: string }[] | undefined;
  id?: string;
  /** Warnings do not stop publishing; they are marked as such. */
  warning?: boolean;
}

/** The checker's messages about one element, shown right beside it. */
export function ProblemNote({ problems, id, warning = false }: Props) {
  if (!problems?.length) return null;
  return (
    <div role="status" id={id}>
      <ul className={warning ? 'problem-note warning-note' : 'problem-note'}>
        {problems.map((problem) => <li key={problem.field + problem.issue}>{warning && <strong>Warning: </strong>}{describeProblem(problem)}</li>)}
      </ul>
    </div>
  );
}

import { describeProblem } from './problems.ts';

/** The checker's messages about one element, shown right beside it. */
export function ProblemNote({ problems, id }: { problems: { detail: string; issue: string; field: string }[] | undefined; id?: string }) {
  if (!problems?.length) return null;
  return (
    <ul className="problem-note" id={id} role="status">
      {problems.map((problem) => <li key={problem.field + problem.issue}>{describeProblem(problem)}</li>)}
    </ul>
  );
}

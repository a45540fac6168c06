/** Where one stored response can be read: the researcher's API view of it (its answers and paradata). */
export function responseHref(slug: string, id: string): string {
  return `/api/surveys/${encodeURIComponent(slug)}/responses/${encodeURIComponent(id)}`;
}

interface FlagProps {
  slug: string;
  /** Names the flag for screen readers ("ana@…, straight-lining"). */
  what: string;
  count: number;
  /** The responses behind it, in groups (identical patterns) or one each; absent for evaluators. */
  ids?: string[][] | undefined;
}

/** The responses behind a flag behind a disclosure, so a long list stays out of the way until asked for. */
export function FlagDetails({ slug, what, count, ids }: FlagProps & { ids: string[][] }) {
  return (
    <details>
      <summary>Show <span className="visually-hidden">{what}: </span>{count === 1 ? 'the response' : `the ${count} responses`}</summary>
      <ul className="flag-list">
        {ids.map((group) => (
          <li key={group.join()}>
            {group.map((id, position) => (
              <span key={id}>
                {position > 0 && ' = '}
                <a href={responseHref(slug, id)} target="_blank" rel="noreferrer"><code>{id.slice(0, 8)}</code><span className="visually-hidden"> (response {id})</span></a>
              </span>
            ))}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** A flag's count, and for those who may read responses the list of them. */
export function FlagCell(props: FlagProps) {
  if (props.count === 0) return <td>0</td>;
  return (
    <td className="flag">
      <strong>{props.count}</strong>
      {props.ids && <FlagDetails {...props} ids={props.ids} />}
    </td>
  );
}

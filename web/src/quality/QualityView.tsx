import { SyntheticBanner } from '../components/SyntheticBanner.tsx';
import { formatDuration, percent } from '../monitor/progress.ts';
import { FlagCell, FlagDetails } from './FlagCell.tsx';
import { groupName, perDayRows, type Quality } from './quality.ts';

const single = (ids: string[] | undefined) => ids?.map((id) => [id]);

/**
 * The fieldwork-quality view: per enumerator and overall, interviews per day, median duration
 * and the flags (docs/methods.md, "Fieldwork quality"). Flags are prompts to look, not verdicts;
 * researchers get the responses behind each, evaluators the counts.
 */
export function QualityView({ quality }: { quality: Quality }) {
  const { thresholds, groups, overall, slug } = quality;
  const days = perDayRows(groups);
  return (
    <>
      <SyntheticBanner count={quality.synthetic} of={overall.interviews} />
      <p className="hint">
        Flags are prompts to look at an interview, not proof of a problem. Much shorter: under {thresholds.shortFraction * 100}% of the
        median duration of the same mode ({formatDuration(quality.shortThresholdSeconds.enumerator)} for interviews,{' '}
        {formatDuration(quality.shortThresholdSeconds.web)} on the web; a dash: fewer than {thresholds.minDurations} durations).
        Straight-lining: one answer down every construct of {thresholds.straightMinItems} or more items ({quality.constructs.join(', ') || 'none in this questionnaire'}).
        "Don't know" is flagged {thresholds.dontKnowMinDifference * 100} points and {thresholds.dontKnowMinZ} standard errors or more from the other enumerators'.
        Identical: interviews of one enumerator with the same answers to all {quality.patternItems} attitude questions.
      </p>
      {!quality.responsesVisible && <p className="hint">The responses behind each flag are shown only to the survey's researchers; evaluators see the counts.</p>}
      <table className="data-table quality-table">
        <caption>Quality by enumerator</caption>
        <thead>
          <tr>
            <th scope="col">Enumerator</th><th scope="col">Interviews</th><th scope="col">Median duration</th><th scope="col">Much shorter</th>
            <th scope="col">Straight-lining</th><th scope="col">"Don't know" share (others)</th><th scope="col">Identical patterns</th>
          </tr>
        </thead>
        <tbody>
          {groups.length === 0 && <tr><td colSpan={7}>No responses yet.</td></tr>}
          {groups.map((group) => {
            const name = groupName(group);
            return (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td>{group.interviews}</td>
                <td>{formatDuration(group.medianDurationSeconds)}</td>
                <FlagCell slug={slug} what={`${name}, much shorter`} count={group.short.count} ids={single(group.short.ids)} />
                <FlagCell slug={slug} what={`${name}, straight-lining`} count={group.straightLining.count} ids={single(group.straightLining.ids)} />
                <td className={group.dontKnow.flagged ? 'flag' : undefined}>
                  {percent(group.dontKnow.share)}{group.dontKnow.othersShare !== null && ` (${percent(group.dontKnow.othersShare)})`}
                  {group.dontKnow.flagged && <strong> far from the others</strong>}
                  {group.dontKnow.flagged && group.dontKnow.ids && (
                    <FlagDetails slug={slug} what={`${name}, "don't know"`} count={group.dontKnow.count} ids={single(group.dontKnow.ids)!} />
                  )}
                </td>
                <FlagCell slug={slug} what={`${name}, identical patterns`} count={group.identical.count} ids={group.identical.ids} />
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All</th>
            <td>{overall.interviews}</td>
            <td>{formatDuration(overall.medianDurationSeconds)}</td>
            <td>{overall.short.count}</td>
            <td>{overall.straightLining.count}</td>
            <td>{percent(overall.dontKnowShare)}</td>
            <td>{overall.identical.count}</td>
          </tr>
        </tfoot>
      </table>
      <table className="data-table quality-days">
        <caption>Interviews per day (UTC)</caption>
        <thead><tr><th scope="col">Day</th>{groups.map((group) => <th scope="col" key={groupName(group)}>{groupName(group)}</th>)}<th scope="col">All</th></tr></thead>
        <tbody>
          {days.length === 0 && <tr><td colSpan={groups.length + 2}>None yet.</td></tr>}
          {days.map((row) => (
            <tr key={row.day}><th scope="row">{row.day}</th>{row.counts.map((count, index) => <td key={index}>{count}</td>)}<td>{row.total}</td></tr>
          ))}
        </tbody>
      </table>
    </>
  );
}


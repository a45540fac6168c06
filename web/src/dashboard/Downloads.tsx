import type { Selection } from './types.ts';

interface Props {
  selection: Selection;
  /** Researchers of the survey and admins also get microdata and the codebook. */
  microdata: boolean;
}

/** Download links for what is on screen, in every format; microdata only for those allowed it. */
export function Downloads({ selection, microdata }: Props) {
  const base = `/api/surveys/${selection.slug}`;
  const report = new URLSearchParams({ weighting: selection.weighting, ...(selection.wave ? { wave: selection.wave } : {}) }).toString();
  const table = new URLSearchParams({ weighting: selection.weighting, ...(selection.wave ? { wave: selection.wave } : {}), ...(selection.by ? { by: selection.by } : {}) }).toString();
  return (
    <section className="downloads" aria-label="Downloads">
      <h2>Downloads</h2>
      <ul>
        <li><a href={`${base}/exports/indicators.csv?${table}`} download>All indicators (CSV)</a></li>
        <li><a href={`${base}/exports/indicators.xlsx?${table}`} download>All indicators, definitions and method notes (XLSX)</a></li>
        <li><a href={`${base}/report.html?${report}`} target="_blank" rel="noreferrer">Report (HTML, printable)</a></li>
        <li><a href={`${base}/report.pdf?${report}`} download>Report (PDF)</a></li>
        {microdata && (
          <>
            <li><a href={`${base}/exports/microdata.csv?bom=1`} download>Microdata (CSV)</a></li>
            <li><a href={`${base}/exports/microdata.xlsx`} download>Microdata (XLSX)</a></li>
            <li><a href={`${base}/exports/microdata.sav`} download>Microdata for SPSS (.sav)</a> · <a href={`${base}/exports/microdata.dta`} download>for Stata (.dta)</a></li>
            <li><a href={`${base}/exports/codebook.csv`} download>Codebook (CSV)</a></li>
            <li><a href={`${base}/exports/microdata.sps`} download>SPSS syntax</a> · <a href={`${base}/exports/microdata.R`} download>R script</a></li>
          </>
        )}
      </ul>
    </section>
  );
}

/** Screen and print styles: A4, page breaks between sections, tables that break across pages, never clipped. */
export const REPORT_CSS = `
body { font: 11pt/1.4 Helvetica, Arial, sans-serif; color: #222; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 20pt; margin-bottom: 0.2rem; } h2 { font-size: 14pt; border-bottom: 1px solid #1f4e79; color: #1f4e79; }
h3 { font-size: 11.5pt; margin-bottom: 0.3rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 9pt; table-layout: auto; }
th, td { border: 1px solid #ccc; padding: 2px 4px; text-align: right; vertical-align: top; }
/* Headers wrap between words only ("favourable", never "favourabl e"); a table's columns are as wide as their longest word. */
th { word-break: normal; overflow-wrap: normal; hyphens: manual; }
td { overflow-wrap: break-word; }
th:first-child, td:first-child, td.text { text-align: left; }
thead th { background: #eef3f8; }
/* Contrast ≥ 4.5:1 on white and on the header colour (WCAG AA). */
.suppressed { color: #595959; } .unreliable { color: #7a4f00; } .significant { font-weight: bold; }
.muted { color: #666; font-size: 9pt; } .chart svg { max-width: 100%; height: auto; }
.key span { margin-right: 1.2rem; }
.synthetic-banner { border: 3px solid #a3241a; background: #fdecea; color: #5c130d; padding: 0.6rem 0.9rem; margin: 0 0 1rem; font-size: 12pt; }
@page { size: A4; margin: 18mm 12mm 16mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  section { break-before: page; } section.first { break-before: auto; }
  thead { display: table-header-group; } tr, .chart, h3 { break-inside: avoid; } h2, h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

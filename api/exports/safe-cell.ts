/** What a spreadsheet may take for the start of a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made safe for spreadsheets: text beginning with `=`, `+`, `-`, `@`, a tab or a
 * carriage return is prefixed with an apostrophe, so Excel, LibreOffice and Sheets show it as text
 * instead of running it as a formula (OWASP "CSV injection"). Numbers pass unchanged.
 *
 * @example
 * safeCell('=HYPERLINK("http://x")'); // => "'=HYPERLINK(\"http://x\")"
 * safeCell(-0.5); // => -0.5
 */
export function safeCell<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * The one error style of the analysis engine: an `AnalysisError` carries a one-line message that
 * names the column and the (1-based) data row when the problem is in the data, so a command line
 * can print it as is and an API can return it as a 400.
 */
export class AnalysisError extends Error {
  readonly column: string | undefined;
  readonly row: number | undefined;

  constructor(message: string, where: { column?: string; row?: number } = {}) {
    super(message);
    this.name = 'AnalysisError';
    this.column = where.column;
    this.row = where.row;
  }
}

/**
 * Builds the error for a bad value in a column at a 0-based row index.
 *
 * @example
 * throw dataError('w', 4, 'weight must be a positive number, got "0"');
 * // AnalysisError: column "w", row 5: weight must be a positive number, got "0"
 */
export function dataError(column: string, rowIndex: number, problem: string): AnalysisError {
  return new AnalysisError(`column "${column}", row ${rowIndex + 1}: ${problem}`, {
    column,
    row: rowIndex + 1,
  });
}

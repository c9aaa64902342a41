import type { FileLocation } from './types.ts';

/** One problem found in `data/`, written for a maintainer who does not program. */
export interface DataIssue extends FileLocation {
  /** Column (CSV) or property (JSON) name. */
  field?: string;
  /** What was found, verbatim. */
  found?: string;
  /** What is expected, in plain words, ideally with an example. */
  expected: string;
}

export function formatLocation(issue: FileLocation): string {
  if (issue.line !== undefined) return `${issue.file}:${issue.line}`;
  if (issue.path !== undefined) return `${issue.file} ${issue.path}`;
  return issue.file;
}

/** One line a maintainer can act on: `file:line field "x": found "…"; expected …`. */
export function formatIssue(issue: DataIssue): string {
  const field = issue.field ? ` field "${issue.field}":` : '';
  const found = issue.found !== undefined ? ` found ${JSON.stringify(issue.found)};` : issue.field ? ' missing;' : '';
  return `${formatLocation(issue)}${field}${found} expected ${issue.expected}`;
}

/** Thrown when `data/` does not validate; carries every issue found. */
export class DataValidationError extends Error {
  readonly issues: readonly DataIssue[];
  constructor(issues: readonly DataIssue[]) {
    const lines = issues.map((issue) => `  - ${formatIssue(issue)}`);
    super(`data/ has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
    this.name = 'DataValidationError';
    this.issues = issues;
  }
}

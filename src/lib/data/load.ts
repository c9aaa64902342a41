import type { DataIssue } from './errors.ts';
import { DataValidationError } from './errors.ts';
import { parseCatalogue } from './catalogue.ts';
import { parseJsonText } from './json-text.ts';
import type { MonthBytes } from './release-lock.ts';
import { CATALOGUES_DIR, checkAgainstLock, LOCK_FILE, parseLock } from './release-lock.ts';
import { decodeUtf8, parseMonthFile, releaseIdOf } from './month-file.ts';
import { buildSeries, figuresOf, unexplainedDecreases } from './series.ts';
import type { Dataset, Indicator, Release } from './types.ts';
import { formatIssue } from './errors.ts';

/** The files of a data directory, read by the caller (so this module stays pure). */
export interface DataFiles {
  /** `indicators.json`, as text. */
  catalogue: { file: string; text: string };
  /** Every entry of `months/`, as bytes. */
  months: Array<{ file: string; name: string; bytes: Uint8Array }>;
  /** `releases.lock.json`: what has been published (text absent when there is no lock yet). Omitted: not checked. */
  lock?: { file: string; text?: string };
  /** The catalogue snapshots of `catalogues/`, by file name (`<id>.json`). */
  catalogues?: Array<{ file: string; name: string; text: string }>;
}

/** Validates the whole dataset. Returns it with no issues, or every issue found across all files. */
/** Today's date as the build sees it, `YYYY-MM-DD` (UTC+7, Vietnam's time). */
export function buildDate(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export function validateDataset(files: DataFiles, options: { today?: string } = {}): { dataset: Dataset; issues: DataIssue[]; unrecorded: MonthBytes[] } {
  const today = options.today ?? buildDate();
  const issues: DataIssue[] = [];
  const parsed = parseJsonText(files.catalogue.text, files.catalogue.file);
  // Without a readable catalogue every row would be "unknown indicator": report the one real problem only.
  if (parsed.issue) return { dataset: { indicators: [], releases: [] }, issues: [parsed.issue], unrecorded: [] };
  const { indicators, brokenIds, issues: catalogueIssues } = parseCatalogue(parsed.json, files.catalogue.file, files.catalogue.text);
  issues.push(...catalogueIssues);
  const catalogue = new Map(indicators.map((indicator) => [indicator.id, indicator]));

  const releases: Release[] = [];
  const releaseFiles = new Map<string, string>();
  for (const entry of [...files.months].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.') || entry.name.toLowerCase() === 'readme.md') continue;
    const releaseId = releaseIdOf(entry.name);
    if (!releaseId) {
      issues.push({ file: entry.file, field: 'file name', found: entry.name, expected: 'a month file named YYYY-MM.csv or YYYY-MM.json (e.g. 2024-08.csv); a spreadsheet must be saved as "CSV UTF-8"' });
      continue;
    }
    const other = releaseFiles.get(releaseId);
    if (other) {
      issues.push({ file: entry.file, field: 'file name', found: entry.name, expected: `one file per month; ${other} already holds ${releaseId}` });
      continue;
    }
    releaseFiles.set(releaseId, entry.file);
    const decoded = decodeUtf8(entry.bytes, entry.file);
    if (decoded.issue) {
      issues.push(decoded.issue);
      continue;
    }
    const format = entry.name.endsWith('.json') ? 'json' : 'csv';
    if (releaseId > today.slice(0, 7)) {
      issues.push({ file: entry.file, field: 'file name', found: entry.name, expected: `a month no later than this one (${today.slice(0, 7)}): a release cannot be dated in the future; check the year and month of the file name` });
      continue;
    }
    const { release, issues: fileIssues } = parseMonthFile(decoded.text!, entry.file, releaseId, format, catalogue, { today, brokenIds });
    issues.push(...fileIssues);
    releases.push(release);
  }

  const figures = figuresOf(releases);
  for (const indicator of indicators) {
    const series = buildSeries(indicator, figures);
    for (const point of series.points) {
      for (const figure of point.figures) {
        if (!figure.correction || point.sameDate.some((s) => s.figure === figure && s.relation === 'correction' && s.earlier.release < figure.release)) continue;
        issues.push({
          ...figure.location,
          field: figure.location.path !== undefined ? `${figure.location.path}.correction` : 'correction',
          found: figure.correction.vi,
          expected: `a correction of a figure published in an earlier month file with the same indicator ("${indicator.id}"), as_of (${figure.asOf}) and source (the same source_url, or title when there is none); no such figure stands. A new figure needs no "correction"`,
        });
      }
    }
    for (const { figure, earlier } of unexplainedDecreases(series)) {
      issues.push({
        ...figure.location,
        field: figure.location.path !== undefined ? `${figure.location.path}.note` : 'note',
        found: `${figure.value} on ${figure.asOf}`,
        expected: `a note explaining why the running total "${indicator.id}" is lower than ${earlier.value} on ${earlier.asOf} (${earlier.current[0]!.location.file}); a running total cannot go down without an explanation`,
      });
    }
  }
  let unrecorded: MonthBytes[] = [];
  if (files.lock) {
    const dataRoot = files.lock.file.slice(0, files.lock.file.length - LOCK_FILE.length);
    const { lock, issues: lockIssues } = parseLock(files.lock.text, files.lock.file);
    const months = files.months
      .filter((entry) => releaseIdOf(entry.name) !== undefined)
      .map((entry) => ({ id: releaseIdOf(entry.name)!, file: entry.file.startsWith(dataRoot) ? entry.file.slice(dataRoot.length) : entry.file, bytes: entry.bytes }));
    const checked = checkAgainstLock(lock, months, dataRoot, files.lock.file);
    issues.push(...lockIssues, ...checked.issues);
    unrecorded = checked.unrecorded;
    const pinnedCatalogues = new Map<string, Indicator[]>();
    const snapshots = new Map((files.catalogues ?? []).map((c) => [c.name, c]));
    const parsedSnapshots = new Map<string, Indicator[]>();
    for (const locked of lock.releases) {
      if (!locked.catalogue) continue;
      const snapshot = snapshots.get(`${locked.catalogue}.json`);
      if (!snapshot) {
        issues.push({ file: `${dataRoot}${CATALOGUES_DIR}/${locked.catalogue}.json`, field: 'file', expected: `the catalogue snapshot release ${locked.id} was published with (${files.lock.file}); restore it from git: published releases are drawn with it` });
        continue;
      }
      if (!parsedSnapshots.has(snapshot.name)) {
        const json = parseJsonText(snapshot.text, snapshot.file);
        const parsedSnapshot = json.issue ? { indicators: [], issues: [json.issue] } : parseCatalogue(json.json, snapshot.file, snapshot.text);
        issues.push(...parsedSnapshot.issues);
        parsedSnapshots.set(snapshot.name, parsedSnapshot.indicators);
      }
      pinnedCatalogues.set(locked.id, parsedSnapshots.get(snapshot.name)!);
    }
    const snapshotFormats = new Map(lock.releases.map((r) => [r.id, r.snapshot ?? 1] as const));
    const recorded = snapshotFormats.size > 0 ? { snapshotFormats } : {};
    if (pinnedCatalogues.size > 0) return { dataset: { indicators, releases, pinnedCatalogues, ...recorded }, issues, unrecorded };
    return { dataset: { indicators, releases, ...recorded }, issues, unrecorded };
  }
  return { dataset: { indicators, releases }, issues, unrecorded };
}

/** Like `validateDataset`, but throws a `DataValidationError` listing every issue. */
export function loadDataset(files: DataFiles, options: { today?: string } = {}): Dataset {
  const { dataset, issues } = validateDataset(files, options);
  if (issues.length > 0) throw new DataValidationError(issues);
  return dataset;
}

export { formatIssue };

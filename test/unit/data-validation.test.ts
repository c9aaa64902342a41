import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/lib/data/load.ts';
import type { DataFiles } from '../../src/lib/data/load.ts';
import { formatIssue } from '../../src/lib/data/errors.ts';
import { AUGUST_2024_JSON, CSV_HEADER, FIXTURE_INDICATORS, JULY_2024_CSV } from '../fixtures/fixture-data.ts';

const encoder = new TextEncoder();

function files(months: Record<string, string | Uint8Array>, indicators: unknown = { indicators: FIXTURE_INDICATORS }): DataFiles {
  return {
    catalogue: { file: 'data/indicators.json', text: JSON.stringify(indicators) },
    months: Object.entries(months).map(([name, content]) => ({
      file: `data/months/${name}`,
      name,
      bytes: typeof content === 'string' ? encoder.encode(content) : content,
    })),
  };
}

const row = (fields: Partial<Record<string, string>>) => {
  const defaults: Record<string, string> = {
    indicator: 'eid-accounts-activated',
    value: '41000000',
    total: '',
    as_of: '2024-07-15',
    as_of_inferred: '',
    source_title: 'Fixture report',
    source_publisher: 'Fixture Gazette',
    source_published: '2024-07-20',
    source_url: 'https://example.org/r',
    note: '',
    note_en: '',
  };
  const merged = { ...defaults, ...fields };
  // The quote holds the value as typed, so the value-in-quote check passes unless a test says otherwise.
  merged.quote ??= /^[\d.]+$/.test(merged.value ?? '') ? `Số liệu thử nghiệm: ${merged.value}${merged.total ? `/${merged.total}` : ''}.` : 'Số liệu thử nghiệm.';
  return CSV_HEADER.split(',').map((c) => merged[c] ?? '').join(',');
};
const csv = (...rows: string[]) => [CSV_HEADER, ...rows, ''].join('\n');

function issuesOf(months: Record<string, string | Uint8Array>) {
  return validateDataset(files(months)).issues;
}

describe('validateDataset: good input', () => {
  it('accepts the fixture releases in both spellings, including a spreadsheet CSV (BOM, CRLF, trailing blank line)', () => {
    const { dataset, issues } = validateDataset(files({ '2024-07.csv': JULY_2024_CSV, '2024-08.json': AUGUST_2024_JSON }));
    expect(issues).toEqual([]);
    expect(dataset.releases.map((r) => [r.id, r.figures.length])).toEqual([['2024-07', 4], ['2024-08', 5]]);
    const first = dataset.releases[0]!.figures[0]!;
    expect(first).toMatchObject({ indicator: 'eid-accounts-activated', value: 40000000, asOf: '2024-06-30', release: '2024-07', location: { file: 'data/months/2024-07.csv', line: 2 } });
    const meeting = dataset.releases[0]!.figures[2]!;
    expect(meeting).toMatchObject({ value: 25, total: 53, asOfInferred: true, source: { title: 'Fixture meeting, July' }, note: { vi: 'Ngày suy ra từ ngày họp', en: 'Date inferred from the meeting' } });
    expect(dataset.releases[1]!.figures[2]!.location).toEqual({ file: 'data/months/2024-08.json', path: '$.figures[2]' });
  });

  it('accepts a semicolon-delimited CSV as Vietnamese Excel saves it', () => {
    const text = [CSV_HEADER.replaceAll(',', ';'), row({}).replaceAll(',', ';'), ''].join('\r\n');
    expect(issuesOf({ '2024-07.csv': text })).toEqual([]);
  });

  it('skips rows of empty cells that spreadsheets append', () => {
    expect(issuesOf({ '2024-07.csv': csv(row({}), ',,,,,,,,,,', ',,,,,,,,,,') })).toEqual([]);
  });

  it('ignores dotfiles and a README in months/', () => {
    expect(issuesOf({ '2024-07.csv': csv(row({})), '.DS_Store': 'x', 'README.md': '# notes' })).toEqual([]);
  });
});

describe('validateDataset: each bad input names file, line and field', () => {
  it('unknown indicator id, with the nearest known id', () => {
    const [issue, ...rest] = issuesOf({ '2024-07.csv': csv(row({}), row({ indicator: 'eid-account-activated', as_of: '2024-07-16' })) });
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ file: 'data/months/2024-07.csv', line: 3, field: 'indicator', found: 'eid-account-activated' });
    expect(issue!.expected).toContain('did you mean "eid-accounts-activated"');
  });

  it('a value that is not a plain number, with the plain number it stands for', () => {
    const issues = issuesOf({ '2024-07.csv': csv(row({ value: '"26,3 triệu"' }), row({ value: '26.300.000', as_of: '2024-07-16' })) });
    expect(issues.map((i) => [i.line, i.field, i.found])).toEqual([[2, 'value', '26,3 triệu'], [3, 'value', '26.300.000']]);
    expect(issues[0]!.expected).toContain('write 26300000');
    expect(issues[1]!.expected).toContain('write 26300000');
  });

  it('an impossible or malformed date, with the ISO spelling when it can tell', () => {
    const issues = issuesOf({ '2024-07.csv': csv(row({ as_of: '2024-02-30' }), row({ as_of: '15/07/2024' }), row({ as_of: 'July' })) });
    expect(issues.map((i) => [i.line, i.field, i.found])).toEqual([[2, 'as_of', '2024-02-30'], [3, 'as_of', '15/07/2024'], [4, 'as_of', 'July']]);
    expect(issues[1]!.expected).toContain('did you mean 2024-07-15?');
  });

  it('an as-of date later than the end of the file month', () => {
    const [issue] = issuesOf({ '2024-07.csv': csv(row({ as_of: '2024-08-01' })) });
    expect(issue).toMatchObject({ line: 2, field: 'as_of', found: '2024-08-01' });
    expect(issue!.expected).toContain('2024-07-31');
  });

  it('a missing source', () => {
    const issues = issuesOf({ '2024-07.csv': csv(row({ source_title: '', source_publisher: '' }), row({ source_url: '', source_published: '', as_of: '2024-07-16' })) });
    expect(issues.map((i) => [i.line, i.field])).toEqual([[2, 'source_title'], [2, 'source_publisher'], [3, 'source_url']]);
  });

  it('the same figure twice in a file', () => {
    const [issue, ...rest] = issuesOf({ '2024-07.csv': csv(row({}), row({})) });
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ line: 3 });
    expect(issue!.expected).toContain('line 2');
  });

  it('two sources for the same figure and date are both kept', () => {
    const { dataset, issues } = validateDataset(files({ '2024-07.csv': csv(row({}), row({ value: '41200000', source_url: 'https://example.org/other' })) }));
    expect(issues).toEqual([]);
    expect(dataset.releases[0]!.figures).toHaveLength(2);
  });

  it('a file name that is not YYYY-MM', () => {
    const issues = issuesOf({ '2024-7.csv': csv(row({})), 'thang-8.json': '{}', '2024-13.csv': csv(row({})), '2024-09.xlsx': 'PK' });
    expect(issues.map((i) => [i.file, i.field])).toEqual([
      ['data/months/2024-09.xlsx', 'file name'],
      ['data/months/2024-13.csv', 'file name'],
      ['data/months/2024-7.csv', 'file name'],
      ['data/months/thang-8.json', 'file name'],
    ]);
  });

  it('a running total that goes down without a note', () => {
    const issues = issuesOf({
      '2024-07.csv': csv(row({})),
      '2024-08.csv': csv(row({ value: '39000000', as_of: '2024-08-10', source_published: '2024-08-11' })),
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'data/months/2024-08.csv', line: 2, field: 'note', found: '39000000 on 2024-08-10' });
    expect(formatIssue(issues[0]!)).toContain('data/months/2024-08.csv:2');
  });

  it('a running total that goes down with a note is accepted', () => {
    expect(issuesOf({
      '2024-07.csv': csv(row({})),
      '2024-08.csv': csv(row({ value: '39000000', as_of: '2024-08-10', source_published: '2024-08-11', note: '"Nguồn khác, phạm vi hẹp hơn"' })),
    })).toEqual([]);
  });

  it('reports all errors of a file together, across rows and fields', () => {
    const issues = issuesOf({ '2024-07.csv': csv(row({ indicator: 'nope', value: 'abc', as_of: '2024-13' }), row({ value: '-5', as_of: '2024-07-20' })) });
    expect(issues.map((i) => `${i.line}:${i.field}`)).toEqual(['2:indicator', '2:value', '2:as_of', '3:value']);
  });

  it('errors in a JSON month file name the JSON path', () => {
    const text = JSON.stringify({ figures: [{ indicator: 'eid-accounts-activated', value: '1,5 triệu', as_of: '2024-07-01', source_title: 'T', source_publisher: 'P', source_url: 'https://example.org/x', quote: 'khoảng 1,5 triệu', colour: 'red' }] });
    const issues = issuesOf({ '2024-07.json': text });
    expect(issues.map((i) => [i.path, i.field])).toEqual([['$.figures[0].colour', 'colour'], ['$.figures[0]', '$.figures[0].value']]);
    expect(issues[1]!.expected).toContain('write 1500000');
  });

  it('a count out of a total needs its total, and the value cannot exceed it', () => {
    const issues = issuesOf({ '2024-07.csv': csv(row({ indicator: 'essential-services-online', value: '25', as_of: '2024-07-01' }), row({ indicator: 'essential-services-online', value: '80', total: '76', as_of: '2024-07-02' })) });
    expect(issues.map((i) => [i.line, i.field])).toEqual([[2, 'total'], [3, 'value']]);
  });

  it('an unknown column, with the nearest known column', () => {
    const text = [CSV_HEADER.replace('as_of,', 'asof,'), row({}), ''].join('\n');
    const issues = issuesOf({ '2024-07.csv': text });
    expect(issues[0]).toMatchObject({ line: 1, field: 'asof' });
    expect(issues[0]!.expected).toContain('did you mean "as_of"');
  });

  it('a row with a stray comma (a value that should have been quoted)', () => {
    const [issue] = issuesOf({ '2024-07.csv': csv(row({ source_title: 'Report, July' })) });
    expect(issue).toMatchObject({ line: 2, found: `${CSV_HEADER.split(',').length + 1} values` });
  });

  it('a file that is not UTF-8 (saved from Excel as "CSV" in a legacy encoding)', () => {
    const latin1 = new Uint8Array([...encoder.encode(`${CSV_HEADER}\n`), 0x54, 0xe0, 0x69, 0x0a]);
    const [issue] = issuesOf({ '2024-07.csv': latin1 });
    expect(issue!.expected).toContain('CSV UTF-8');
  });

  it('a file with no figures', () => {
    const [issue] = issuesOf({ '2024-07.csv': `${CSV_HEADER}\n` });
    expect(issue!.expected).toContain('at least one figure');
  });

  it('a malformed catalogue names the indicator id, its line and the field', () => {
    const broken = { indicators: [{ ...FIXTURE_INDICATORS[0], id: 'Bad_ID' }, { ...FIXTURE_INDICATORS.find((i) => i.kind === 'flow'), period: undefined }] };
    const { issues } = validateDataset(files({}, broken));
    expect(issues.map((i) => i.field)).toEqual(['indicator "Bad_ID" → id', 'indicator "vneid-monthly-uses" → period']);
    expect(issues[0]!.expected).toContain('kebab-case');
  });
});

describe('validateDataset: maintainer-grade errors (issue 9)', () => {
  const catalogueText = (indicators: unknown) => JSON.stringify({ indicators }, null, 2);
  const withCatalogueText = (text: string, months: Record<string, string> = {}) =>
    validateDataset({ catalogue: { file: 'data/indicators.json', text }, months: Object.entries(months).map(([name, content]) => ({ file: `data/months/${name}`, name, bytes: encoder.encode(content) })) }).issues;

  it('a missing comma in indicators.json is one message with line, column and the likely cause', () => {
    const text = catalogueText(FIXTURE_INDICATORS).replace('"topic": "identity",', '"topic": "identity"');
    const issues = withCatalogueText(text, { '2024-07.csv': JULY_2024_CSV });
    expect(issues).toHaveLength(1);
    expect(formatIssue(issues[0]!)).toMatch(/^data\/indicators\.json:\d+ field "column \d+": found ".*"; expected valid JSON: a comma is probably missing at the end of the line before/);
  });

  it('rows using a broken catalogue entry are told the entry is broken, not sent to another id', () => {
    const indicators = FIXTURE_INDICATORS.map((i) => (i.id === 'eid-accounts-level2' ? { ...i, unit: { vi: 'tài khoản' } } : i));
    const issues = withCatalogueText(catalogueText(indicators), { '2024-08.json': AUGUST_2024_JSON });
    const catalogueIssue = issues.find((i) => i.file === 'data/indicators.json')!;
    expect(catalogueIssue.field).toBe('indicator "eid-accounts-level2" → unit.en');
    expect(catalogueIssue.line).toBeGreaterThan(1);
    const rowIssue = issues.find((i) => i.file === 'data/months/2024-08.json')!;
    expect(rowIssue.expected).toContain('the entry "eid-accounts-level2" has problems');
    expect(rowIssue.expected).not.toContain('did you mean');
  });

  it('an id in capitals, with spaces or underscores is matched to the id it spells', () => {
    const [issue] = issuesOf({ '2024-07.csv': csv(row({ indicator: 'EID_Accounts Activated' })) });
    expect(issue!.expected).toBe('a known indicator id written exactly: "eid-accounts-activated" (ids are lower case, with hyphens)');
  });

  it('a target link that is not a web address is refused', () => {
    const indicators = FIXTURE_INDICATORS.map((i) => (i.target ? { ...i, target: { ...i.target, source: { ...i.target.source, url: 'javascript:alert(1)' } } } : i));
    const issues = withCatalogueText(catalogueText(indicators));
    expect(issues.map((i) => [i.field, i.found])).toEqual([['indicator "essential-services-online" → target.source.url', 'javascript:alert(1)']]);
    const [rowIssue] = issuesOf({ '2024-07.csv': csv(row({ source_url: 'javascript:alert(1)' })) });
    expect(rowIssue).toMatchObject({ field: 'source_url', found: 'javascript:alert(1)' });
  });

  it('a target is taken only from a text that states it: no quote, or a value the quote does not hold, is refused', () => {
    const without = FIXTURE_INDICATORS.map((i) => (i.target ? { ...i, target: { value: i.target.value, deadline: i.target.deadline, source: i.target.source } } : i));
    expect(withCatalogueText(catalogueText(without)).map((i) => i.field)).toEqual(['indicator "essential-services-online" → target.quote']);
    const wrong = FIXTURE_INDICATORS.map((i) => (i.target ? { ...i, target: { ...i.target, value: 80 } } : i));
    const [issue] = withCatalogueText(catalogueText(wrong));
    expect(issue).toMatchObject({ field: 'indicator "essential-services-online" → target.value', found: '80' });
    expect(issue!.expected).toContain('the quote reads');
  });

  it('ambiguous, negative and absurd numbers are refused with the fix', () => {
    const issues = issuesOf({ '2024-07.csv': csv(row({ value: '26.300' }), row({ value: '-5', as_of: '2024-07-16' }), row({ value: '1e308', as_of: '2024-07-17' })) });
    expect(issues.map((i) => [i.line, i.field, i.found])).toEqual([[2, 'value', '26.300'], [3, 'value', '-5'], [4, 'value', '1e308']]);
    expect(issues[0]!.expected).toContain('write 26300 or 26.3');
    expect(issues[1]!.expected).toContain('zero or above');
    expect(issues[1]!.expected).not.toContain('write -5');
    const json = JSON.stringify({ figures: [{ indicator: 'eid-accounts-activated', value: 1e308, as_of: '2024-07-01', source_title: 'T', source_publisher: 'P', source_url: 'https://example.org/x', quote: 'q' }] });
    expect(issuesOf({ '2024-07.json': json }).map((i) => i.expected).join(' ')).toContain('too large');
  });

  it('dates after the build date or before the programme\'s data are refused with the reason', () => {
    const files2 = (months: Record<string, string>) => files(months);
    const today = '2024-07-10';
    const issues = validateDataset(files2({ '2024-07.csv': csv(row({ as_of: '2024-07-15' }), row({ as_of: '2019-05-01', source_published: '2024-07-01' })) }), { today }).issues;
    expect(issues.map((i) => [i.line, i.field])).toEqual([[2, 'as_of'], [2, 'source_published'], [3, 'as_of']]);
    expect(issues[0]!.expected).toContain('no later than today (2024-07-10)');
    expect(issues[2]!.expected).toContain('begin in 2021');
    const future = validateDataset(files2({ '2027-01.csv': csv(row({})) }), { today: '2026-12-01' }).issues;
    expect(future.map((i) => [i.field, i.found])).toEqual([['file name', '2027-01.csv']]);
  });
});

/**
 * Downloads for journalists, from a fixture build: per chart and language
 * PNG/SVG/CSV/JSON of exactly the figures shown; the whole dataset with a valid
 * Frictionless descriptor; pinned releases that never change.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import readExcelFile from 'read-excel-file/node';
import { unzipSync } from 'fflate';
import { DOMParser } from 'linkedom';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUGUST_2024_JSON, FIXTURE_INDICATORS, JULY_2024_CSV, SEPTEMBER_2024_CSV, writeFixtureSite } from '../fixtures/fixture-data.ts';
import { loadDataset } from '../../src/lib/data/load.ts';
import { buildSiteModel } from '../../src/lib/site/model.ts';
import { chartRegistry } from '../../src/lib/site/chart-registry.ts';
import { chartDataAt } from '../../src/lib/site/charts.ts';
import { renderChart } from '../../src/lib/charts/render.ts';
import { CHART_CSV_COLUMNS } from '../../src/lib/downloads/chart-files.ts';
import { pngSize } from '../../src/lib/png/index.ts';
import { readArticleFiles } from '../../src/lib/content/read-articles.ts';

const root = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'de-an-06-downloads-'));
const { dataDir, contentDir, env } = writeFixtureSite(work);
const outDir = join(work, 'dist');
const build = () => spawnSync(process.execPath, ['scripts/build.ts'], { cwd: root, env: { ...process.env, ...env, OUT_DIR: outDir, TZ: 'UTC' }, encoding: 'utf8' });

const encoder = new TextEncoder();
const model = buildSiteModel(loadDataset({
  catalogue: { file: 'indicators.json', text: JSON.stringify({ indicators: FIXTURE_INDICATORS }) },
  months: Object.entries({ '2024-07.csv': JULY_2024_CSV, '2024-08.json': AUGUST_2024_JSON }).map(([name, text]) => ({ file: `months/${name}`, name, bytes: encoder.encode(text) })),
}));
// Every chart of the site, the fixture articles' included (article path and language from the file's place).
const articles = readArticleFiles(contentDir).map(({ file, text }) => {
  const lang = file.includes('/en/') ? ('en' as const) : ('vi' as const);
  return { file, lang, path: `articles/${basename(file, '.mdx')}`, body: text };
});
const registry = chartRegistry(model, articles);

/**
 * The release a chart's own files print: that of its newest figure (not the site's data version), so a month that
 * adds nothing to the chart leaves them unchanged. In the fixture, online-dossier-rate has a figure in July only.
 */
function ownRelease(id: string): string {
  return renderChart(registry.get(id)!.spec, chartDataAt(model), 'vi').rows.map((row) => row.figure.release).sort().at(-1)!;
}

function hashTree(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => {
    const full = join(e.parentPath, e.name);
    return [relative(dir, full), createHash('sha256').update(readFileSync(full)).digest('hex')];
  }));
}

beforeAll(() => {
  const result = build();
  if (result.status !== 0) throw new Error(`fixture build failed:\n${result.stdout}\n${result.stderr}`);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('chart downloads', () => {
  it('every chart has PNG, SVG, CSV and JSON in both languages', () => {
    for (const id of registry.keys()) {
      for (const locale of ['vi', 'en']) {
        for (const ext of ['png', 'svg', 'csv', 'xlsx', 'json']) expect(existsSync(join(outDir, 'downloads', locale, `${id}.${ext}`)), `${locale}/${id}.${ext}`).toBe(true);
      }
    }
  });

  it('no other files are published than those of the registry', () => {
    for (const locale of ['vi', 'en']) {
      expect(readdirSync(join(outDir, 'downloads', locale)).sort()).toEqual([...registry.keys()].flatMap((id) => ['csv', 'json', 'png', 'svg', 'xlsx'].map((ext) => `${id}.${ext}`)).sort());
    }
  });

  it('each PNG is twice the size of its SVG', () => {
    for (const locale of ['vi', 'en']) {
      for (const file of readdirSync(join(outDir, 'downloads', locale)).filter((f) => f.endsWith('.png'))) {
        const svg = readFileSync(join(outDir, 'downloads', locale, file.replace('.png', '.svg')), 'utf8');
        const [, width, height] = /<svg[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"/.exec(svg) ?? /<svg[^>]*viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!;
        expect(pngSize(readFileSync(join(outDir, 'downloads', locale, file))), `${locale}/${file}`).toEqual({ width: Math.round(Number(width) * 2), height: Math.round(Number(height) * 2) });
      }
    }
  });

  it('each SVG parses and carries its title, source and data version', () => {
    for (const id of registry.keys()) {
      const text = readFileSync(join(outDir, 'downloads', 'en', `${id}.svg`), 'utf8');
      // Well-formed XML by a strict parser (linkedom below forgives what an XML viewer would reject).
      expect(XMLValidator.validate(text), id).toBe(true);
      // Fonts fall back to a sans-serif where the bundled Noto Sans is not installed.
      expect(text).toMatch(/font-family="'Noto Sans',[^"]*sans-serif"/);
      const document = new DOMParser().parseFromString(text, 'image/svg+xml');
      expect(document.documentElement.tagName.toLowerCase()).toBe('svg');
      expect(document.documentElement.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
      const content = document.documentElement.textContent ?? '';
      expect(content).toContain(renderChart(registry.get(id)!.spec, chartDataAt(model), 'en').title.slice(0, 20));
      expect(content).toContain('Fixture Gazette');
      expect(content, id).toMatch(new RegExp(`Data\\sversion\\s${ownRelease(id)}`)); // no-break spaces in the footer
    }
    expect(ownRelease('online-dossier-rate')).toBe('2024-07');
    expect(ownRelease('eid-accounts-activated')).toBe('2024-08');
  });

  it('each CSV parses back to exactly the figures of its chart', () => {
    for (const [id, chart] of registry) {
      for (const locale of ['vi', 'en'] as const) {
        const records = parse(readFileSync(join(outDir, 'downloads', locale, `${id}.csv`), 'utf8'), { columns: true }) as Array<Record<string, string>>;
        const expected = renderChart(chart.spec, chartDataAt(model), locale).rows;
        expect(Object.keys(records[0]!)).toEqual([...CHART_CSV_COLUMNS]);
        expect(records.map((r) => [r.indicator_id, Number(r.value), r.total === '' ? undefined : Number(r.total), r.as_of, r.source_url, r.release, r.current === 'true'])).toEqual(
          expected.map((r) => [r.indicator.id, r.figure.value, r.figure.total, r.figure.asOf, r.figure.source.url ?? '', r.figure.release, r.current]),
        );
        expect(new Set(records.map((r) => r.data_version))).toEqual(new Set([ownRelease(id)]));
      }
    }
  });

  it('each Excel file reads back (in Excel\'s own format) to the same rows as its CSV, Vietnamese text intact, formulas as text', async () => {
    for (const id of registry.keys()) {
      for (const locale of ['vi', 'en'] as const) {
        const csv = parse(readFileSync(join(outDir, 'downloads', locale, `${id}.csv`), 'utf8'), { columns: false }) as string[][];
        const sheets = await readExcelFile(readFileSync(join(outDir, 'downloads', locale, `${id}.xlsx`)));
        const figures = sheets[0]!.data;
        expect(sheets[0]!.sheet).toBe(locale === 'vi' ? 'Số liệu' : 'Figures');
        // Same cells as the CSV: numbers as numbers, empty as empty, text as written (the CSV escapes formulas with ').
        const asText = figures.map((row) => row.map((cell) => (cell === null ? '' : String(cell))));
        expect(asText).toEqual(csv.map((row) => row.map((cell) => cell.replace(/^'(?=[=+\-@\t\r])/, ''))));
        expect(typeof figures[1]![CHART_CSV_COLUMNS.indexOf('value')]).toBe('number');
        expect(String(sheets[1]!.data[1]![0])).toContain(`${locale === 'vi' ? 'Phiên bản dữ liệu' : 'Data version'} ${ownRelease(id)}`);
      }
    }
    const vi = await readExcelFile(readFileSync(join(outDir, 'downloads', 'vi', 'eid-accounts-activated.xlsx')));
    expect(vi[0]!.data.flat().some((cell) => typeof cell === 'string' && /tài khoản/.test(cell))).toBe(true);
  });

  it('Excel files are reproducible (the same figures give the same bytes, at any time in any time zone) and a quote that looks like a formula stays text', async () => {
    const { chartXlsx } = await import('../../src/lib/downloads/chart-xlsx.ts');
    const [id, chart] = [...registry][0]!;
    const rendered = renderChart(chart.spec, chartDataAt(model), 'vi');
    const context = { locale: 'vi' as const, pageUrl: `https://example.vn/${id}/`, siteUrl: 'https://example.vn/' };
    const first = await chartXlsx(rendered, context);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(Buffer.compare(first, await chartXlsx(rendered, context))).toBe(0);

    // In any time zone: zip dates are local times, and a date before 1980 west of Greenwich stopped the build.
    const zone = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Asia/Ho_Chi_Minh', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        expect(Buffer.compare(first, await chartXlsx(rendered, context)), tz).toBe(0);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }

    const hostile = '=HYPERLINK("https://evil.example/","31 triệu")';
    const row = rendered.rows[0]!;
    const tampered = { ...rendered, rows: [{ ...row, figure: { ...row.figure, quote: { ...row.figure.quote, text: hostile } } }] };
    const xlsx = await chartXlsx(tampered, context);
    const sheet = new TextDecoder().decode(unzipSync(xlsx)['xl/worksheets/sheet1.xml']);
    expect(sheet).not.toMatch(/<f[\s>]/);
    const [figures] = await readExcelFile(xlsx);
    expect(figures!.data[1]![CHART_CSV_COLUMNS.indexOf('quote')]).toBe(hostile);
  });

  it('each JSON has the figures, the data version and a citation', () => {
    const json = JSON.parse(readFileSync(join(outDir, 'downloads', 'vi', 'eid-accounts-activated.json'), 'utf8'));
    expect(json).toMatchObject({ data_version: '2024-08', chart: { id: 'eid-accounts-activated' }, licence: { name: 'CC-BY-4.0' } });
    expect(json.citation).toContain('Phiên bản dữ liệu 2024-08');
    expect(json.figures.map((f: { value: number }) => f.value)).toEqual([40000000, 41000000, 41500000, 45200000]);
  });

  it('CSV and JSON carry the qualifier, the quote and the same-date relation of each figure', () => {
    const csv = (locale: string, id: string) => parse(readFileSync(join(outDir, 'downloads', locale, `${id}.csv`), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    const activated = csv('vi', 'eid-accounts-activated');
    expect(activated.map((r) => [r.value, r.qualifier, r.same_date_relation])).toEqual([
      ['40000000', '', ''], ['41000000', '', ''], ['41500000', '', 'revision'], ['45200000', 'more-than', ''],
    ]);
    const latest = activated.at(-1)!;
    expect([latest.quote, latest.quote_language, latest.quote_translated]).toEqual(['Hơn 45,2 triệu tài khoản đã được kích hoạt (dữ liệu thử nghiệm).', 'vi', 'false']);
    expect(activated.find((r) => r.value === '41500000')).toMatchObject({ quote_language: 'en', quote_translated: 'true' });
    expect(csv('en', 'vneid-monthly-uses').map((r) => r.qualifier)).toEqual(['about']);
    const json = JSON.parse(readFileSync(join(outDir, 'downloads', 'en', 'eid-accounts-activated.json'), 'utf8'));
    expect(json.figures.at(-1)).toMatchObject({ qualifier: 'more-than', value: 45200000, quote_translated: false });
    expect(json.qualifiers).toMatchObject({ 'more-than': 'more than', nearly: 'nearly', about: 'about' });
  });

  it('pictures print the value with its qualifier', () => {
    for (const [locale, expected] of [['vi', 'hơn 45,2 triệu'], ['en', 'more than 45.2 million']] as const) {
      const svg = readFileSync(join(outDir, 'downloads', locale, 'eid-accounts-activated-headline.svg'), 'utf8');
      const content = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement.textContent!.replace(/\s+/g, ' ');
      expect(content, locale).toContain(expected);
      // The big number is set small enough to stay clear of the sparkline (drawn from x = 480).
      const size = Number(/<text x="0" y="62" font-size="(\d+)"/.exec(svg)![1]);
      expect(size).toBeLessThan(56);
    }
  });
});

describe('the whole dataset', () => {
  it('datapackage.json validates against the Data Package schema, and its hashes match the files', () => {
    const descriptor = JSON.parse(readFileSync(join(outDir, 'data', 'latest', 'datapackage.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addFormat('textarea', true); // a hint for form editors in the Frictionless profiles, not a constraint
    const schema = (name: string) => JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'schemas', name), 'utf8'));
    const validatePackage = ajv.compile(schema('data-package.json'));
    expect(validatePackage(descriptor), JSON.stringify(validatePackage.errors, null, 2)).toBe(true);
    // The figures table is a Tabular Data Resource, with its field schema.
    const validateTable = ajv.compile(schema('tabular-data-resource.json'));
    const figures = descriptor.resources.find((r: { name: string }) => r.name === 'figures');
    expect(validateTable(figures), JSON.stringify(validateTable.errors, null, 2)).toBe(true);
    expect(descriptor.version).toBe('2024-08');
    for (const resource of descriptor.resources) {
      const content = readFileSync(join(outDir, 'data', 'latest', resource.path));
      expect(resource.hash).toBe(`sha256:${createHash('sha256').update(content).digest('hex')}`);
      expect(resource.bytes).toBe(content.length);
    }
  });

  it('the figures table declares the qualifier with its five values, and describes every column', () => {
    const descriptor = JSON.parse(readFileSync(join(outDir, 'data', 'latest', 'datapackage.json'), 'utf8'));
    const fields = descriptor.resources.find((r: { name: string }) => r.name === 'figures').schema.fields as Array<{ name: string; description?: string; constraints?: { enum?: string[] } }>;
    expect(fields.find((f) => f.name === 'qualifier')!.constraints).toEqual({ enum: ['more-than', 'at-least', 'nearly', 'about', 'less-than'] });
    expect(fields.find((f) => f.name === 'same_date_relation')!.constraints).toEqual({ enum: ['restatement', 'rounding', 'revision', 'disagreement', 'correction'] });
    for (const name of ['qualifier', 'quote', 'quote_language', 'quote_translated', 'period_vi', 'period_en', 'break_vi', 'break_en', 'same_date_relation']) {
      expect(fields.find((f) => f.name === name)?.description, name).toMatch(/\w{3}/);
    }
    expect(fields.every((f) => (f.description ?? '').length > 0)).toBe(true);
    const readme = readFileSync(join(outDir, 'data', 'latest', 'README.md'), 'utf8');
    expect(readme).toContain('`value` carries the source\'s qualifier');
    expect(descriptor.description).toContain('qualifier');
  });

  it('figures.csv holds every figure of data/ with its source, quote, qualifier and release', () => {
    const records = parse(readFileSync(join(outDir, 'data', 'latest', 'figures.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(records).toHaveLength(9);
    expect(records.every((r) => r.source_title !== '' && r.source_publisher !== '' && r.quote !== '')).toBe(true);
    expect(records.filter((r) => r.qualifier !== '').map((r) => [r.indicator_id, r.qualifier, r.value])).toEqual([
      ['eid-accounts-activated', 'more-than', '45200000'], ['vneid-monthly-uses', 'about', '1250000'],
    ]);
    const json = JSON.parse(readFileSync(join(outDir, 'data', 'latest', 'figures.json'), 'utf8'));
    expect(json.figures.find((f: { value: number }) => f.value === 45200000)).toMatchObject({ qualifier: 'more-than', quote: 'Hơn 45,2 triệu tài khoản đã được kích hoạt (dữ liệu thử nghiệm).' });
    // A release's snapshot references its month files (published once, as committed) instead of copying them.
    const july = JSON.parse(readFileSync(join(outDir, 'data', 'v', '2024-07', 'datapackage.json'), 'utf8')) as { resources: Array<{ path: string }> };
    expect(july.resources.map((r) => r.path.replace(/^https?:\/\/[^/]+\//, '/'))).toEqual(['/data/months/2024-07.csv', 'indicators.json']);
    expect(parse(readFileSync(join(outDir, 'data', 'months', '2024-07.csv'), 'utf8'), { columns: true, bom: true })).toHaveLength(4);
  });

  it('pinned releases (data snapshots and pinned embeds) are byte-identical after a new month file', () => {
    const before = { data: hashTree(join(outDir, 'data', 'v')), months: hashTree(join(outDir, 'data', 'months')), embeds: hashTree(join(outDir, 'embed', 'v')), enEmbeds: hashTree(join(outDir, 'en', 'embed', 'v')) };
    expect(Object.keys(before.data).length).toBeGreaterThan(0);
    expect(Object.keys(before.embeds).length).toBeGreaterThan(0);
    writeFileSync(join(dataDir, 'months', '2024-09.csv'), SEPTEMBER_2024_CSV);
    const result = build();
    rmSync(join(dataDir, 'months', '2024-09.csv'));
    expect(result.status, result.stderr).toBe(0);
    const after = { data: hashTree(join(outDir, 'data', 'v')), months: hashTree(join(outDir, 'data', 'months')), embeds: hashTree(join(outDir, 'embed', 'v')), enEmbeds: hashTree(join(outDir, 'en', 'embed', 'v')) };
    expect(Object.keys(after.data)).toContain('2024-09/datapackage.json');
    for (const key of ['data', 'months', 'embeds', 'enEmbeds'] as const) {
      for (const [file, hash] of Object.entries(before[key])) expect(after[key][file], `${key}: ${file}`).toBe(hash);
    }
  });
});

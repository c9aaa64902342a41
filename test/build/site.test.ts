/**
 * Builds the whole site from fixture data (not data/) with the real build
 * script, and asserts on dist/: pages in both languages, locale formats,
 * linked sources; then adds a month file and rebuilds; then breaks the data
 * and checks that the build fails without touching dist/.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOMParser } from 'linkedom';
import { SEPTEMBER_2024_CSV, writeFixtureSite, CSV_HEADER } from '../fixtures/fixture-data.ts';

const root = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'de-an-06-build-'));
const { dataDir, contentDir, env: fixtureEnv } = writeFixtureSite(work);
const outDir = join(work, 'dist');

function build(): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['scripts/build.ts'], {
    cwd: root,
    env: { ...process.env, ...fixtureEnv, OUT_DIR: outDir, TZ: 'UTC' },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
const page = (path: string) => readFileSync(join(outDir, path, 'index.html'), 'utf8');
const text = (html: string) => html.replace(/<\/?(?:a|data|span|strong|em)\b[^>]*>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

function snapshotTree(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Object.fromEntries(files.map((e) => {
    const full = join(e.parentPath, e.name);
    return [relative(dir, full), createHash('sha256').update(readFileSync(full)).digest('hex')];
  }));
}

beforeAll(() => {
  const result = build();
  if (result.status !== 0) throw new Error(`fixture build failed:\n${result.stdout}\n${result.stderr}`);
  expect(result.stdout).toMatch(/Built \d+ pages .*5 indicators, 9 figures, 2 months, [\d.]+ s/);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const INDICATORS = ['eid-accounts-activated', 'eid-accounts-level2', 'essential-services-online', 'online-dossier-rate', 'vneid-monthly-uses'];
const localePrefixes = ['', 'en/'];

describe('fixture build', () => {
  it('has every page in both languages', () => {
    const paths = ['', 'indicators', 'months', 'months/2024-07', 'months/2024-08', 'about', 'methodology', ...INDICATORS.map((id) => `indicators/${id}`)];
    for (const prefix of localePrefixes) for (const path of paths) expect(existsSync(join(outDir, prefix, path, 'index.html')), `${prefix}${path}`).toBe(true);
  });

  it('sets <html lang>, hreflang alternates and a language switch to the same page', () => {
    const vi = page('indicators/eid-accounts-activated');
    const en = page('en/indicators/eid-accounts-activated');
    expect(vi).toContain('<html lang="vi"');
    expect(en).toContain('<html lang="en"');
    for (const html of [vi, en]) {
      expect(html).toMatch(/<link rel="alternate" hreflang="vi" href="[^"]*\/indicators\/eid-accounts-activated\/"/);
      expect(html).toMatch(/<link rel="alternate" hreflang="en" href="[^"]*\/en\/indicators\/eid-accounts-activated\/"/);
    }
    expect(vi).toMatch(/class="lang-switch" href="\/en\/indicators\/eid-accounts-activated\/"/);
    expect(en).toMatch(/class="lang-switch" href="\/indicators\/eid-accounts-activated\/"/);
  });

  it('formats figures per locale', () => {
    expect(text(page(''))).toContain('45,2 triệu tài khoản');
    expect(text(page('en/'))).toContain('45.2 million accounts');
    expect(text(page('indicators/eid-accounts-activated'))).toContain('45.200.000');
    expect(text(page('en/indicators/eid-accounts-activated'))).toContain('45,200,000');
    expect(text(page('indicators/essential-services-online'))).toContain('54/76');
    expect(text(page('indicators/online-dossier-rate'))).toContain('40,5%');
    expect(text(page('en/indicators/online-dossier-rate'))).toContain('40.5%');
    expect(text(page('months/2024-08'))).toContain('Tháng 8/2024');
    expect(text(page('en/months/2024-08'))).toContain('August 2024');
    expect(text(page('indicators/eid-accounts-activated'))).toContain('20/8/2024');
    expect(text(page('en/indicators/eid-accounts-activated'))).toContain('20 August 2024');
  });

  it('links the source of every figure', () => {
    const html = page('indicators/eid-accounts-activated');
    for (const url of ['https://example.org/june', 'https://example.org/july', 'https://example.org/correction', 'https://example.org/august']) {
      expect(html).toContain(`href="${url}"`);
    }
    const home = page('');
    expect(home).toContain('href="https://example.org/august"');
  });

  it('shows a revision as such on the indicator and month pages', () => {
    expect(text(page('indicators/eid-accounts-activated'))).toMatch(/2024-08.*41,5 triệu tài khoản.*41 triệu tài khoản \(2024-07\)/);
    expect(text(page('months/2024-08'))).toContain('Số liệu tài khoản định danh điện tử đã kích hoạt tại 15/7/2024 được nêu lại là 41,5 triệu tài khoản; bản trước ghi 41 triệu tài khoản.');
    expect(text(page('en/months/2024-08'))).toContain('The figure for electronic ID accounts activated as of 15 July 2024 is now given as 41.5 million accounts; the earlier release had 41 million accounts.');
  });

  it('flags an inferred as-of date', () => {
    expect(text(page('indicators/essential-services-online'))).toContain('ngày ước định');
    expect(text(page('en/indicators/essential-services-online'))).toContain('inferred date');
  });
});

describe('articles, feeds, sitemap and links', () => {
  it('builds each article in both languages, linked to its translation', () => {
    const vi = page('articles/cau-chuyen-thu-nghiem');
    const en = page('en/articles/test-story');
    expect(vi).toMatch(/class="lang-switch" href="\/en\/articles\/test-story\/"/);
    expect(en).toMatch(/class="lang-switch" href="\/articles\/cau-chuyen-thu-nghiem\/"/);
    expect(vi).toContain('href="/en/articles/test-story/" hreflang="en"');
    expect(text(vi)).toContain('Read in English');
    expect(text(en)).toContain('Đọc bằng tiếng Việt');
  });

  it('article pages have the headline, dek, date, reading time, contents, topics and sources', () => {
    const html = page('articles/cau-chuyen-thu-nghiem');
    const t = text(html);
    expect(t).toContain('Tài khoản định danh điện tử: câu chuyện thử nghiệm');
    expect(t).toContain('Bài thử nghiệm dùng mọi thành phần MDX với dữ liệu giả lập.');
    expect(t).toContain('Đăng ngày 1/9/2024');
    expect(t).toMatch(/\d+ phút đọc/);
    expect(html).toMatch(/<nav class="toc"[\s\S]*href="#con-số-chính"|<nav class="toc"[\s\S]*href="#con-so-chinh"/);
    expect(html).toContain('href="/topics/identity/"');
    expect(t).toContain('Nguồn của các số liệu trong bài');
    expect(html).toContain('href="https://example.org/august"');
    expect(html).toContain('"@type":"NewsArticle"');
  });

  it('numbers in prose come from the data through <Value>', () => {
    const t = text(page('articles/cau-chuyen-thu-nghiem'));
    expect(t).toContain('Số tài khoản đã kích hoạt là 45,2 triệu tài khoản vào 20/8/2024');
    expect(t).toContain('so với 40 triệu tài khoản trước đó');
    expect(text(page('en/articles/test-story'))).toContain('Activated accounts reached 45.2 million accounts on 20 August 2024, up from 40 million accounts.');
  });

  it('GitHub-flavoured Markdown works in articles (tables, strikethrough)', () => {
    const html = page('articles/cau-chuyen-thu-nghiem');
    expect(html).toMatch(/<table>[\s\S]*Bảng GFM/);
    expect(html).toContain('<del>gạch</del>');
  });

  it('lists articles per language and per topic, and bulletins with editor commentary', () => {
    expect(page('articles')).toContain('href="/articles/cau-chuyen-thu-nghiem/"');
    expect(page('en/articles')).toContain('href="/en/articles/test-story/"');
    expect(page('topics/identity')).toContain('href="/articles/cau-chuyen-thu-nghiem/"');
    const bulletin = text(page('months/2024-08'));
    expect(bulletin).toContain('Nhận xét thử nghiệm');
    expect(bulletin.indexOf('Nhận xét thử nghiệm')).toBeLessThan(bulletin.indexOf('Tóm tắt'));
  });

  it('indicator pages carry Dataset structured data', () => {
    const html = page('en/indicators/eid-accounts-activated');
    const json = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!);
    expect(json).toMatchObject({ '@type': 'Dataset', identifier: 'eid-accounts-activated', name: 'Electronic ID accounts activated', version: '2024-08' });
  });

  it('both RSS feeds parse and hold every article and bulletin', () => {
    for (const [feed, articleUrl, months] of [['rss.xml', '/articles/cau-chuyen-thu-nghiem/', '/months/'], ['en/rss.xml', '/en/articles/test-story/', '/en/months/']] as const) {
      const document = new DOMParser().parseFromString(readFileSync(join(outDir, feed), 'utf8'), 'text/xml');
      const links = [...document.querySelectorAll('item > link')].map((l) => new URL(l.textContent!).pathname);
      expect(links).toEqual([articleUrl, `${months}2024-08/`, `${months}2024-07/`]);
      for (const item of document.querySelectorAll('item')) {
        expect(item.querySelector('title')!.textContent).not.toBe('');
        expect(item.querySelector('description')!.textContent).not.toBe('');
        expect(Number.isNaN(Date.parse(item.querySelector('pubDate')!.textContent!))).toBe(false);
      }
    }
  });

  it('every page with a chart advertises oEmbed, and each oEmbed JSON is complete', () => {
    for (const path of ['', 'en/', 'indicators/eid-accounts-activated', 'months/2024-08', 'en/articles/test-story']) {
      const links = [...page(path).matchAll(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/g)].map((m) => new URL(m[1]!).pathname);
      expect(links.length, path).toBeGreaterThan(0);
      for (const link of links) {
        const json = JSON.parse(readFileSync(join(outDir, link), 'utf8'));
        expect(json).toMatchObject({ version: '1.0', type: 'rich', provider_name: expect.any(String), provider_url: expect.any(String), title: expect.any(String), width: expect.any(Number), height: expect.any(Number), thumbnail_url: expect.any(String) });
        expect(json.html).toMatch(/^<iframe src="https:\/\/[^"]+\/embed\/[^"]+\/" title="[^"]+" width="100%" height="\d+" loading="lazy"/);
        expect(existsSync(join(outDir, new URL(json.thumbnail_url).pathname))).toBe(true);
      }
    }
  });

  it('live and pinned embed pages exist in both languages, without the site navigation', () => {
    for (const path of ['embed/eid-accounts-activated', 'en/embed/eid-accounts-activated', 'embed/v/2024-08/eid-accounts-activated', 'en/embed/v/2024-07/eid-accounts-activated']) {
      const html = page(path);
      expect(html).toContain('class="chart chart-time-series"');
      expect(html).not.toContain('class="site-nav');
      expect(html).toContain('class="embed-home"');
    }
    expect(text(page('embed/v/2024-07/eid-accounts-activated'))).toContain('Phiên bản dữ liệu: 2024-07');
  });

  it('has a sitemap with both languages', () => {
    const sitemap = readFileSync(join(outDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('/en/indicators/eid-accounts-activated/</loc>');
    expect(sitemap).toContain('/articles/cau-chuyen-thu-nghiem/</loc>');
  });

  it('has no broken internal links anywhere in dist/', () => {
    const broken: string[] = [];
    const htmlFiles = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html'));
    for (const entry of htmlFiles) {
      const html = readFileSync(join(entry.parentPath, entry.name), 'utf8');
      for (const [, url] of html.matchAll(/\s(?:href|src)="(\/[^"#?]*)/g)) {
        const target = join(outDir, decodeURI(url!));
        if (!existsSync(target) || (!url!.includes('.') && !existsSync(join(target, 'index.html')))) broken.push(`${relative(outDir, join(entry.parentPath, entry.name))} → ${url}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('adding a month file (no code change)', () => {
  beforeAll(() => {
    writeFileSync(join(dataDir, 'months', '2024-09.csv'), SEPTEMBER_2024_CSV);
    const result = build();
    if (result.status !== 0) throw new Error(`rebuild failed:\n${result.stdout}\n${result.stderr}`);
  });

  it('new-month creates the file a maintainer fills in, and refuses to overwrite it', () => {
    const run = (month: string) => spawnSync(process.execPath, ['scripts/new-month.ts', month], { cwd: root, env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' });
    expect(run('2024-13').status).toBe(1);
    expect(run('2024-10').status).toBe(0);
    expect(readFileSync(join(dataDir, 'months', '2024-10.csv'), 'utf8')).toBe(`${CSV_HEADER}\n`);
    expect(run('2024-10').status).toBe(1);
    rmSync(join(dataDir, 'months', '2024-10.csv'));
  });

  it('creates the month page in both languages and lists it', () => {
    expect(text(page('months/2024-09'))).toContain('Tháng 9/2024');
    expect(text(page('en/months/2024-09'))).toContain('September 2024');
    expect(page('months')).toContain('href="/months/2024-09/"');
  });

  it('updates the home page and the indicator pages', () => {
    expect(text(page(''))).toContain('48,7 triệu tài khoản');
    expect(text(page(''))).toContain('Tháng 9/2024');
    expect(text(page('en/indicators/eid-accounts-activated'))).toContain('48,700,000');
    expect(text(page('indicators/online-dossier-rate'))).toContain('52,25%');
  });
});

describe('bad data', () => {
  it('fails the build with file, line and field, and leaves dist/ untouched', () => {
    const before = snapshotTree(outDir);
    writeFileSync(join(dataDir, 'months', '2024-10.csv'), `${CSV_HEADER}\neid-accounts-activated,"50,1 triệu",,2024-10-02,,T,P,2024-10-03,https://example.org/x,,\n`);
    const result = build();
    rmSync(join(dataDir, 'months', '2024-10.csv'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('2024-10.csv:2 field "value": found "50,1 triệu"');
    expect(result.stderr).toContain('50100000');
    expect(snapshotTree(outDir)).toEqual(before);
  });

  // Each bad-input case of the data contract: the build stops before Astro runs and names file, line and field.
  const badMonths: Array<[string, string, string]> = [
    ['unknown indicator', 'eid-acounts-activated,50100000,,2024-10-02,,T,P,2024-10-03,https://example.org/x,,', '2024-10.csv:2 field "indicator": found "eid-acounts-activated"'],
    ['value not a plain number', 'eid-accounts-activated,50.100.000,,2024-10-02,,T,P,2024-10-03,https://example.org/x,,', '2024-10.csv:2 field "value": found "50.100.000"'],
    ['impossible date', 'eid-accounts-activated,50100000,,2024-09-31,,T,P,2024-10-03,https://example.org/x,,', '2024-10.csv:2 field "as_of": found "2024-09-31"'],
    ['as-of after the file month', 'eid-accounts-activated,50100000,,2024-11-02,,T,P,2024-10-03,https://example.org/x,,', '2024-10.csv:2 field "as_of": found "2024-11-02"'],
    ['missing source', 'eid-accounts-activated,50100000,,2024-10-02,,,,2024-10-03,https://example.org/x,,', '2024-10.csv:2 field "source_title": missing'],
    ['running total going down without a note', 'eid-accounts-activated,30000000,,2024-10-02,,T,P,2024-10-03,https://example.org/x,,', '2024-10.csv:2 field "note": found "30000000 on 2024-10-02"'],
  ];
  it.each(badMonths)('%s: the build fails with the location and dist/ stays as it was', (_, line, message) => {
    const before = snapshotTree(outDir);
    writeFileSync(join(dataDir, 'months', '2024-10.csv'), `${CSV_HEADER}\n${line}\n`);
    const result = build();
    rmSync(join(dataDir, 'months', '2024-10.csv'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
    expect(snapshotTree(outDir)).toEqual(before);
  });

  it('a duplicated figure and a badly named file are reported together', () => {
    const row = 'eid-accounts-activated,50100000,,2024-10-02,,T,P,2024-10-03,https://example.org/x,,';
    writeFileSync(join(dataDir, 'months', '2024-10.csv'), `${CSV_HEADER}\n${row}\n${row}\n`);
    writeFileSync(join(dataDir, 'months', 'thang-11.csv'), `${CSV_HEADER}\n`);
    const result = build();
    rmSync(join(dataDir, 'months', '2024-10.csv'));
    rmSync(join(dataDir, 'months', 'thang-11.csv'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('2024-10.csv:3 field "indicator"');
    expect(result.stderr).toContain('same indicator, as-of date and source already appear at line 2');
    expect(result.stderr).toContain('thang-11.csv field "file name": found "thang-11.csv"');
  });

  it('an article with a wrong indicator id fails the build with its file and line', () => {
    const before = snapshotTree(outDir);
    const file = join(contentDir, 'articles', 'en', 'test-story.mdx');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('<Chart indicator="eid-accounts-activated" />', '<Chart indicator="eid-acounts-activated" />'));
    const result = build();
    writeFileSync(file, original);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/articles\/en\/test-story\.mdx:\d+ field "indicator": found "eid-acounts-activated"; expected a known indicator id; did you mean "eid-accounts-activated"\?/);
    expect(snapshotTree(outDir)).toEqual(before);
  });

  it('npm run check-data reports the same problems without building', () => {
    writeFileSync(join(dataDir, 'months', '2024-10.csv'), `${CSV_HEADER}\neid-acounts-activated,50100000,,2024-10-02,,T,P,2024-10-03,https://example.org/x,,\n`);
    let output = '';
    try {
      execFileSync(process.execPath, ['scripts/check-data.ts', dataDir], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      output = String((error as { stderr: string }).stderr);
    }
    rmSync(join(dataDir, 'months', '2024-10.csv'));
    expect(output).toContain('2024-10.csv:2 field "indicator": found "eid-acounts-activated"; expected a known indicator id; did you mean "eid-accounts-activated"?');
  });
});

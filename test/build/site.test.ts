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
import { parse } from 'csv-parse/sync';
import { SEPTEMBER_2024_CSV, writeFixtureSite, CSV_HEADER } from '../fixtures/fixture-data.ts';
import { MONTH_COLUMNS } from '../../src/lib/data/month-file.ts';
import { vnuErrors } from '../../scripts/lib/dist-audit.ts';
import { META_DESCRIPTION_MAX } from '../../src/lib/site/meta.ts';

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
const document = (path: string) => new DOMParser().parseFromString(page(path), 'text/html');
/** The text of each value cell of the page's figures tables: "hơn 45.200.000 tài khoản". */
const valueCells = (doc: ReturnType<typeof document>) => [...doc.querySelectorAll('table.figures td.num')].map((cell) => [...cell.childNodes].filter((n) => !(n as Element).classList?.contains('figure-period')).map((n) => n.textContent).join('').replace(/\s+/g, ' ').trim());

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
    const indicator = text(page('indicators/eid-accounts-activated'));
    expect(indicator).toMatch(/Điều chỉnh Bản 2024-08 đưa ra 41,5 triệu tài khoản cho 15\/7\/2024; số liệu trước đó: 41 triệu tài khoản \(2024-07\)/);
    // Never "nothing was revised" on a page that shows revised badges.
    expect(indicator).not.toContain('Không có số liệu nào bị điều chỉnh');
    expect(text(page('en/indicators/eid-accounts-activated'))).toContain('Release 2024-08 gave 41.5 million accounts for 15 July 2024; the previous figure: 41 million accounts (2024-07).');
    expect(text(page('indicators/online-dossier-rate'))).toContain('Không có số liệu nào bị điều chỉnh, và không có hai nguồn nào đưa ra số khác nhau cho cùng một ngày.');
    expect(text(page('months/2024-08'))).toMatch(/Fixture Gazette (\([^)]*\) )?điều chỉnh số liệu tài khoản định danh điện tử đã kích hoạt tính đến 15\/7\/2024: nay là 41,5 triệu tài khoản, trước đó ghi 41 triệu tài khoản\./);
    expect(text(page('en/months/2024-08'))).toMatch(/Fixture Gazette (\([^)]*\) )?revised its figure for electronic ID accounts activated as of 15 July 2024: now 41\.5 million accounts, previously 41 million accounts\./);
  });

  it('shows the source\'s qualifier with every value: tables, big numbers, cards, lists', () => {
    const indicatorVi = document('indicators/eid-accounts-activated');
    const indicatorEn = document('en/indicators/eid-accounts-activated');
    // The history table: the qualifier is part of the value cell, before the number.
    expect(valueCells(indicatorVi)).toContain('hơn 45.200.000 tài khoản');
    expect(valueCells(indicatorEn)).toContain('more than 45,200,000 accounts');
    expect(valueCells(document('indicators/vneid-monthly-uses'))).toContain('khoảng 1.250.000 lượt');
    expect(valueCells(document('en/indicators/vneid-monthly-uses'))).toContain('about 1,250,000 uses');
    // Big numbers (home and indicator page) and the indicator list.
    for (const [path, expected] of [['', 'hơn 45,2 triệu tài khoản'], ['en/', 'more than 45.2 million accounts'], ['indicators/eid-accounts-activated', 'hơn 45,2 triệu tài khoản']]) {
      const big = [...document(path!).querySelectorAll('.big-number')].map((e) => e.textContent!.replace(/\s+/g, ' ').trim());
      expect(big, path).toContain(expected);
    }
    expect(text(page('indicators'))).toContain('Tài khoản định danh điện tử đã kích hoạt hơn 45,2 triệu tài khoản · tính đến 20/8/2024');
    expect(text(page('en/indicators'))).toContain('Electronic ID accounts activated more than 45.2 million accounts · as of 20 August 2024');
    // A figure stated exactly gets no qualifier word.
    expect(valueCells(indicatorVi)).toContain('40.000.000 tài khoản');
  });

  it('each table row quotes the source, marks translations and keeps the quote\'s language', () => {
    const vi = document('indicators/eid-accounts-activated');
    const rows = [...vi.querySelectorAll('section[aria-labelledby="history"] table.figures tbody tr')];
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row.querySelector('details.quote summary')!.textContent).toMatch(/^Nguồn viết/);
    const translated = rows.find((row) => row.textContent!.includes('Fixture correction'))!;
    expect(translated.querySelector('details.quote summary')!.textContent!.replace(/\s+/g, ' ')).toBe('Nguồn viết (bản dịch)');
    expect(translated.querySelector('details.quote blockquote')!.getAttribute('lang')).toBe('en');
    expect(translated.querySelector('details.quote blockquote')!.textContent).toContain('The correct figure for 15 July is 41.5 million accounts');
    const original = rows.find((row) => row.textContent!.includes('Fixture report August'))!;
    expect(original.querySelector('details.quote blockquote')!.hasAttribute('lang')).toBe(false);
    expect(original.querySelector('details.quote blockquote')!.textContent).toContain('Hơn 45,2 triệu tài khoản');
    // On the English page the Vietnamese quote is marked as Vietnamese, the English one is not marked.
    const en = [...document('en/indicators/eid-accounts-activated').querySelectorAll('section[aria-labelledby="history"] details.quote')];
    expect(en.map((d) => d.querySelector('summary')!.textContent!.replace(/\s+/g, ' '))).toContain('The source says (translation)');
    expect(en.map((d) => d.querySelector('blockquote')!.getAttribute('lang'))).toEqual(['vi', null, 'vi', 'vi']);
  });

  it('status badges have their own column, apart from the number', () => {
    const month = document('months/2024-08');
    const table = month.querySelector('section[aria-labelledby="all-figures"] table.figures')!;
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim())).toEqual(['Chỉ số', 'Số liệu đến', 'Giá trị', 'Trạng thái', 'Nguồn']);
    for (const cell of table.querySelectorAll('td.num')) expect(cell.querySelector('.status'), cell.textContent!).toBeNull();
    const badges = [...table.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td.figure-status .status')].map((b) => b.textContent));
    expect(badges).toEqual([['điều chỉnh'], ['mới'], ['mới'], ['mới'], ['mới']]);
    // The revised July figure is marked on the indicator page, and only a true revision is called one.
    const history = [...document('indicators/eid-accounts-activated').querySelectorAll('section[aria-labelledby="history"] tbody tr')];
    expect(history.map((row) => row.querySelector('td.figure-status')!.textContent!.trim())).toEqual(['', 'điều chỉnh', 'đã được điều chỉnh ở bản sau', '']);
  });

  it('the home page says what every figure carries: a link (or the report\'s title) and the source\'s sentence', () => {
    expect(text(page(''))).toContain('có đường dẫn đến nguồn (riêng báo cáo tháng 7/2024 của Tổ công tác triển khai Đề án 06 được dẫn bằng tên) và câu văn của nguồn có con số đó');
    expect(text(page('en/'))).toContain('Some sources show no publication date.');
    expect(text(page(''))).not.toContain('có đường dẫn và ngày công bố');
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

  it('numbers in prose come from the data through <Value>, with the source\'s qualifier', () => {
    const t = text(page('articles/cau-chuyen-thu-nghiem'));
    expect(t).toContain('Số tài khoản đã kích hoạt là hơn 45,2 triệu tài khoản vào 20/8/2024');
    expect(t).toContain('so với 40 triệu tài khoản trước đó');
    expect(text(page('en/articles/test-story'))).toContain('Activated accounts reached more than 45.2 million accounts on 20 August 2024, up from 40 million accounts.');
    // The link's tooltip names the source and quotes its sentence.
    const value = document('articles/cau-chuyen-thu-nghiem').querySelector('a.value[data-as-of="2024-08-20"]')!;
    expect(value.getAttribute('data-qualifier')).toBe('more-than');
    expect(value.getAttribute('title')).toContain('Nguồn viết: “Hơn 45,2 triệu tài khoản đã được kích hoạt (dữ liệu thử nghiệm).”');
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
      // The channel links to the language's home, names its own address, and is dated by its newest item (not the clock).
      const channel = document.querySelector('channel')!;
      expect(new URL(channel.querySelector(':scope > link')!.textContent!).pathname).toBe(feed === 'rss.xml' ? '/' : '/en/');
      expect(new URL(channel.getElementsByTagName('atom:link')[0]!.getAttribute('href')!).pathname).toBe(`/${feed}`);
      expect(channel.getElementsByTagName('atom:link')[0]!.getAttribute('rel')).toBe('self');
      const newest = Math.max(...[...document.querySelectorAll('item > pubDate')].map((d) => Date.parse(d.textContent!)));
      expect(Date.parse(channel.querySelector(':scope > lastBuildDate')!.textContent!)).toBe(newest);
    }
  });

  it('each indicator has a feed of its figures, newest first, with qualifier, date and source, linked from its page', () => {
    for (const [prefix, words] of [['', /^hơn 45,2 triệu tài khoản, tính đến 20\/8\/2024\. Nguồn: /], ['en/', /^more than 45\.2 million accounts, as of 20 August 2024\. Source: /]] as const) {
      const feed = `${prefix}indicators/eid-accounts-activated/rss.xml`;
      const xml = new DOMParser().parseFromString(readFileSync(join(outDir, feed), 'utf8'), 'text/xml');
      const items = [...xml.querySelectorAll('item')];
      expect(items.length).toBe(4);
      expect(items[0]!.querySelector('description')!.textContent!.replace(/\s+/g, ' ')).toMatch(words);
      const dates = items.map((item) => Date.parse(item.querySelector('pubDate')!.textContent!));
      expect(dates).toEqual([...dates].sort((a, b) => b - a));
      const guids = items.map((item) => item.querySelector('guid')!.textContent);
      expect(new Set(guids).size).toBe(guids.length);
      expect(new URL(xml.getElementsByTagName('atom:link')[0]!.getAttribute('href')!).pathname).toBe(`/${feed}`);
      const html = page(`${prefix}indicators/eid-accounts-activated`);
      expect(html).toMatch(new RegExp(`<link rel="alternate" type="application/rss\\+xml" title="[^"]+" href="[^"]*/${feed}"`));
      expect(html).toMatch(new RegExp(`<a href="[^"]*/${feed}" type="application/rss\\+xml">`));
    }
  });

  it('every page with a chart advertises oEmbed, and each oEmbed JSON is complete', () => {
    // The home page shows figures as cards, not charts (src/pages/[...lang]/index.astro): it has nothing to embed.
    for (const path of ['indicators/eid-accounts-activated', 'en/indicators/eid-accounts-activated', 'months/2024-08', 'en/articles/test-story']) {
      const links = [...page(path).matchAll(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/g)].map((m) => new URL(m[1]!).pathname);
      expect(links.length, path).toBeGreaterThan(0);
      for (const link of links) {
        const json = JSON.parse(readFileSync(join(outDir, link), 'utf8'));
        expect(json).toMatchObject({ version: '1.0', type: 'rich', provider_name: expect.any(String), provider_url: expect.any(String), title: expect.any(String), width: expect.any(Number), height: expect.any(Number), thumbnail_url: expect.any(String) });
        expect(json.html).toMatch(/^<iframe src="https?:\/\/[^"]+\/embed\/[^"]+\/" title="[^"]+" width="100%" height="\d+" loading="lazy"/);
        expect(existsSync(join(outDir, new URL(json.thumbnail_url).pathname))).toBe(true);
        // The stated thumbnail size is the PNG's real size (its IHDR chunk).
        const png = readFileSync(join(outDir, new URL(json.thumbnail_url).pathname));
        expect([json.thumbnail_width, json.thumbnail_height], link).toEqual([png.readUInt32BE(16), png.readUInt32BE(20)]);
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
    expect(text(page('embed/v/2024-07/eid-accounts-activated'))).toContain('Bản cập nhật tháng 7/2024');
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

describe('standards: valid HTML, metadata, site files', () => {
  /** One page of every type, in both languages where it has two (the fixture site). */
  const samplePages = () => {
    const topic = readdirSync(join(outDir, 'topics'))[0]!;
    const paths = ['', 'indicators', 'indicators/eid-accounts-activated', 'indicators/essential-services-online', 'months', 'months/2024-08', 'articles', `topics/${topic}`, 'about', 'methodology', 'search', 'embed', 'embed/eid-accounts-activated', 'embed/v/2024-07/eid-accounts-activated'];
    return [
      ...['', 'en/'].flatMap((prefix) => paths.map((path) => join(outDir, prefix, path, 'index.html'))),
      join(outDir, 'articles/cau-chuyen-thu-nghiem/index.html'), join(outDir, 'en/articles/test-story/index.html'),
      join(outDir, '404.html'),
      join(outDir, 'months/latest/index.html'), join(outDir, 'en/months/latest/index.html'),
    ];
  };

  it('the W3C Nu HTML Checker finds no error on any page type', () => {
    const files = samplePages();
    for (const file of files) expect(existsSync(file), file).toBe(true);
    const errors = vnuErrors(outDir, files.map((file) => relative(outDir, file)));
    if (!errors) throw new Error('Java not found: this test runs vnu-jar (the W3C Nu HTML Checker) with Java. Run `apt-get install -y default-jre-headless` (.ci/run does).');
    expect(errors.map((e) => `${e.file}: ${e.message}`)).toEqual([]);
  });

  it('every indexable page has its own description of at most 160 characters, and an image alt', () => {
    const seen = new Map<string, string>();
    const htmlFiles = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name === 'index.html');
    let pages = 0;
    for (const entry of htmlFiles) {
      const file = relative(outDir, join(entry.parentPath, entry.name));
      const html = readFileSync(join(outDir, file), 'utf8');
      if (html.includes('name="robots" content="noindex"')) continue;
      pages += 1;
      const description = new DOMParser().parseFromString(html, 'text/html').querySelector('meta[name="description"]')?.getAttribute('content') ?? '';
      expect(description, file).not.toBe('');
      expect([...description].length, `${file}: ${description}`).toBeLessThanOrEqual(META_DESCRIPTION_MAX);
      expect(seen.get(description), `${file} has the description of ${seen.get(description)}`).toBeUndefined();
      seen.set(description, file);
      expect(html, file).toMatch(/<meta property="og:image:alt" content="[^"]+"/);
      expect(html, file).toMatch(/<link rel="manifest" href="[^"]*manifest\.webmanifest"/);
      expect(html, file).toMatch(/<link rel="apple-touch-icon" href="[^"]*\/icons\/apple-touch-icon\.png"/);
    }
    expect(pages).toBeGreaterThan(20);
  });

  it('the sitemap lists every indexable page with lastmod, its pair and x-default; robots.txt points at it', () => {
    const sitemap = readFileSync(join(outDir, 'sitemap-0.xml'), 'utf8');
    const urls = [...sitemap.matchAll(/<url>([\s\S]*?)<\/url>/g)].map((m) => m[1]!);
    const locs = urls.map((u) => new URL(/<loc>([^<]+)<\/loc>/.exec(u)![1]!).pathname);
    for (const url of urls) {
      expect(url).toMatch(/<lastmod>\d{4}-\d{2}-\d{2}<\/lastmod>/);
      expect(url).toMatch(/hreflang="x-default"/);
    }
    // Every page that does not say noindex is in the sitemap, and nothing else.
    const indexable = readdirSync(outDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name === 'index.html')
      .map((e) => relative(outDir, e.parentPath))
      .filter((dir) => !readFileSync(join(outDir, dir, 'index.html'), 'utf8').includes('name="robots" content="noindex"'))
      .map((dir) => (dir === '' ? '/' : `/${dir}/`));
    expect([...locs].sort()).toEqual([...indexable].sort());
    const story = urls.find((u) => u.includes('/en/articles/test-story/</loc>'))!;
    expect(story).toMatch(/hreflang="vi" href="[^"]*\/articles\/cau-chuyen-thu-nghiem\/"/);
    expect(readFileSync(join(outDir, 'sitemap-index.xml'), 'utf8')).toMatch(/<loc>[^<]+\/sitemap-0\.xml<\/loc>/);
    expect(readFileSync(join(outDir, 'robots.txt'), 'utf8')).toMatch(/^Sitemap: https?:\/\/[^/]+\/sitemap-index\.xml$/m);
  });

  it('has a manifest per language, PNG icons of the sizes it names, and a bilingual 404 page', () => {
    for (const [file, start] of [['manifest.webmanifest', '/'], ['en/manifest.webmanifest', '/en/']] as const) {
      const manifest = JSON.parse(readFileSync(join(outDir, file), 'utf8')) as { start_url: string; scope: string; icons: Array<{ src: string; sizes: string; type: string }> };
      expect([manifest.start_url, manifest.scope]).toEqual([start, start]);
      for (const icon of manifest.icons.filter((i) => i.type === 'image/png')) {
        const png = readFileSync(join(outDir, icon.src));
        expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
      }
    }
    const apple = readFileSync(join(outDir, 'icons/apple-touch-icon.png'));
    expect([apple.readUInt32BE(16), apple.readUInt32BE(20)]).toEqual([180, 180]);
    const notFound = new DOMParser().parseFromString(readFileSync(join(outDir, '404.html'), 'utf8'), 'text/html');
    expect(notFound.querySelector('html')!.getAttribute('lang')).toBe('vi');
    expect(notFound.querySelector('section[lang="en"] a[href="/en/"]')).not.toBeNull();
    expect(notFound.querySelector('section[lang="vi"] a[href="/"]')).not.toBeNull();
  });

  it('marks source titles and names in the other language', () => {
    for (const path of ['indicators/eid-accounts-activated', 'en/indicators/eid-accounts-activated']) {
      const doc = document(path);
      const locale = path.startsWith('en/') ? 'en' : 'vi';
      for (const cite of doc.querySelectorAll('cite.source > a, cite.source > span:not(.source-meta)')) {
        const vietnamese = /[đăơư\u1EA0-\u1EF9]/iu.test(cite.textContent!);
        const lang = cite.getAttribute('lang') ?? locale;
        if (vietnamese) expect(lang, `${path}: ${cite.textContent}`).toBe('vi');
      }
    }
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
    expect(readFileSync(join(dataDir, 'months', '2024-10.csv'), 'utf8')).toBe(`${MONTH_COLUMNS.join(',')}\n`);
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
  /** A month-file row in the fixture's columns, from named cells (a valid figure unless a cell says otherwise). */
  const row = (cells: Record<string, string> = {}) => {
    const all: Record<string, string> = {
      indicator: 'eid-accounts-activated', value: '50100000', as_of: '2024-10-02', source_title: 'T', source_publisher: 'P',
      source_published: '2024-10-03', source_url: 'https://example.org/x', quote: 'Đã kích hoạt 50,1 triệu tài khoản (dữ liệu thử nghiệm).', ...cells,
    };
    return CSV_HEADER.split(',').map((column) => all[column] ?? '').map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',');
  };

  it('fails the build with file, line and field, and leaves dist/ untouched', () => {
    const before = snapshotTree(outDir);
    writeFileSync(join(dataDir, 'months', '2024-10.csv'), `${CSV_HEADER}\n${row({ value: '50,1 triệu' })}\n`);
    const result = build();
    rmSync(join(dataDir, 'months', '2024-10.csv'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('2024-10.csv:2 field "value": found "50,1 triệu"');
    expect(result.stderr).toContain('50100000');
    expect(snapshotTree(outDir)).toEqual(before);
  });

  // Each bad-input case of the data contract: the build stops before Astro runs and names file, line and field.
  const badMonths: Array<[string, Record<string, string>, string]> = [
    ['unknown indicator', { indicator: 'eid-acounts-activated' }, '2024-10.csv:2 field "indicator": found "eid-acounts-activated"'],
    ['value not a plain number', { value: '50.100.000' }, '2024-10.csv:2 field "value": found "50.100.000"'],
    ['impossible date', { as_of: '2024-09-31' }, '2024-10.csv:2 field "as_of": found "2024-09-31"'],
    ['as-of after the file month', { as_of: '2024-11-02' }, '2024-10.csv:2 field "as_of": found "2024-11-02"'],
    ['missing source', { source_title: '', source_publisher: '' }, '2024-10.csv:2 field "source_title": missing'],
    ['missing quote', { quote: '' }, '2024-10.csv:2 field "quote": missing'],
    ['running total going down without a note', { value: '30000000', quote: 'Đã kích hoạt 30 triệu tài khoản (dữ liệu thử nghiệm).' }, '2024-10.csv:2 field "note": found "30000000 on 2024-10-02"'],
  ];
  it.each(badMonths)('%s: the build fails with the location and dist/ stays as it was', (_, cells, message) => {
    const before = snapshotTree(outDir);
    writeFileSync(join(dataDir, 'months', '2024-10.csv'), `${CSV_HEADER}\n${row(cells)}\n`);
    const result = build();
    rmSync(join(dataDir, 'months', '2024-10.csv'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
    expect(snapshotTree(outDir)).toEqual(before);
  });

  it('a duplicated figure and a badly named file are reported together', () => {
    writeFileSync(join(dataDir, 'months', '2024-10.csv'), `${CSV_HEADER}\n${row()}\n${row()}\n`);
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
    expect(result.stderr).toMatch(/articles\/en\/test-story\.mdx:\d+ field "[^"]*indicator": found "eid-acounts-activated"; expected a known indicator id; did you mean "eid-accounts-activated"\?/);
    expect(snapshotTree(outDir)).toEqual(before);
  });

  it('npm run check-data reports the same problems without building', () => {
    writeFileSync(join(dataDir, 'months', '2024-10.csv'), `${CSV_HEADER}\n${row({ indicator: 'eid-acounts-activated' })}\n`);
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

describe('same-date figures, breaks, periods and hostile text (a month file added by the test)', () => {
  const header = 'indicator,qualifier,value,total,as_of,as_of_inferred,period,period_en,source_title,source_publisher,source_published,source_url,quote,quote_language,quote_translated,break,break_en,note,note_en';
  const OCTOBER_2024_CSV = [
    header,
    // The first figure for 2 October; a source title and a quote that try to run script.
    'eid-accounts-activated,,50100000,,2024-10-02,,,,<img src=x onerror=alert(1)> Fixture report October,Fixture Gazette,2024-10-03,https://example.org/october,"<script>alert(1)</script> Đã kích hoạt 50,1 triệu tài khoản (dữ liệu thử nghiệm).",,,,,,',
    // Another publisher, another value: a disagreement.
    'eid-accounts-activated,,50300000,,2024-10-02,,,,Other report,Other Gazette,2024-10-04,https://example.org/other,"Đã kích hoạt 50,3 triệu tài khoản (dữ liệu thử nghiệm).",,,,,,',
    // "About 50 million": a rounding of 50.1 million, the same figure.
    'eid-accounts-activated,about,50000000,,2024-10-02,,,,Third report,Third Gazette,2024-10-05,https://example.org/third,"Khoảng 50 triệu tài khoản đã được kích hoạt (dữ liệu thử nghiệm).",,,,,,',
    // The first publisher says it again: a restatement, not a revision.
    'eid-accounts-activated,,50100000,,2024-10-02,,,,Fixture recap,Fixture Gazette,2024-10-06,https://example.org/recap,"Nhắc lại: 50,1 triệu tài khoản (dữ liệu thử nghiệm).",,,,,,',
    // A quote that a spreadsheet would run as a formula, on a figure that starts a new definition.
    'eid-accounts-level2,,31000000,,2024-10-02,,,,Level 2 report,Fixture Gazette,2024-10-03,https://example.org/level2,"=HYPERLINK(""https://evil.example/"",""31 triệu tài khoản"")",,,Tính cả tài khoản của tổ chức,Now includes organisation accounts,,',
    // A flow whose period the source does not state; cells starting with @ and -.
    'vneid-monthly-uses,,1300000,,2024-10,,unknown,,Usage October,Fixture Gazette,2024-10-07,https://example.org/usage-october,"@SUM(A1) Có 1,3 triệu lượt sử dụng (dữ liệu thử nghiệm).",,,,,-2 ghi chú thử,-2 test note',
    '',
  ].join('\n');
  const statusCells = (path: string, indicator?: string) => [...document(path).querySelectorAll('table.figures tbody tr')]
    .filter((row) => !indicator || row.querySelector(`a[href$="/indicators/${indicator}/"]`))
    .map((row) => [...row.querySelectorAll('td.figure-status .status')].map((b) => b.textContent));
  const csv = (path: string) => parse(readFileSync(join(outDir, path), 'utf8'), { columns: true }) as Array<Record<string, string>>;

  beforeAll(() => {
    writeFileSync(join(dataDir, 'months', '2024-10.csv'), OCTOBER_2024_CSV);
    const result = build();
    if (result.status !== 0) throw new Error(`rebuild failed:\n${result.stdout}\n${result.stderr}`);
  });

  it('shows each same-date figure for what it is: new, sources differ, rounded, restated', () => {
    expect(statusCells('months/2024-10', 'eid-accounts-activated')).toEqual([['mới'], ['khác nguồn'], ['làm tròn'], ['nhắc lại']]);
    expect(statusCells('en/months/2024-10', 'eid-accounts-activated')).toEqual([['new'], ['sources differ'], ['rounded'], ['restated']]);
    const month = text(page('months/2024-10'));
    expect(month).toContain('Nguồn không thống nhất');
    expect(month).toMatch(/Nguồn không thống nhất .*Other Gazette nêu 50,3 triệu tài khoản, còn Fixture Gazette nêu 50,1 triệu tài khoản/);
    expect(text(page('en/months/2024-10'))).toContain('Sources that disagree');
    // The indicator page lists each kind apart, and calls none of them a revision.
    const indicator = text(page('indicators/eid-accounts-activated'));
    expect(indicator).toMatch(/Nguồn không thống nhất 2\/10\/2024: Other Gazette ghi 50,3 triệu tài khoản; số liệu trước đó, của Fixture Gazette, là 50,1 triệu tài khoản\. Cả hai số được giữ\./);
    expect(indicator).toMatch(/Làm tròn 2\/10\/2024: Third Gazette ghi khoảng 50.000.000 tài khoản; số liệu trước đó, của Fixture Gazette, là 50.100.000 tài khoản\. Cùng một số liệu, một bên làm tròn\./);
    expect(indicator).toMatch(/Nhắc lại 2\/10\/2024: Fixture Gazette nhắc lại 50,1 triệu tài khoản \(bản 2024-10\)/);
    const history = [...document('indicators/eid-accounts-activated').querySelectorAll('section[aria-labelledby="history"] tbody tr')];
    expect(history.filter((row) => row.textContent!.includes('đã được điều chỉnh ở bản sau'))).toHaveLength(1);
  });

  it('shows a new definition and an unstated period in the tables', () => {
    expect(text(page('indicators/eid-accounts-level2'))).toContain('Đổi cách tính: Tính cả tài khoản của tổ chức');
    expect(text(page('en/indicators/eid-accounts-level2'))).toContain('New definition: Now includes organisation accounts');
    expect(text(page('indicators/vneid-monthly-uses'))).toContain('1.300.000 lượt; không rõ kỳ tính');
    expect(text(page('en/indicators/vneid-monthly-uses'))).toContain('1,300,000 uses; period not stated');
  });

  it('renders hostile text inert: escaped in every page, never markup', () => {
    const offenders: string[] = [];
    for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
      const doc = new DOMParser().parseFromString(readFileSync(join(entry.parentPath, entry.name), 'utf8'), 'text/html');
      // No script that runs holds the hostile text; no element was made from it.
      const runs = (script: Element) => !script.hasAttribute('type') || /^(module|text\/javascript)$/.test(script.getAttribute('type')!);
      const scripts = [...doc.querySelectorAll('script')].filter((script) => runs(script) && script.textContent!.includes('alert(1)'));
      if (scripts.length > 0 || doc.querySelector('img[onerror]')) offenders.push(relative(outDir, join(entry.parentPath, entry.name)));
      // Data in script elements (tooltips, structured data) stays whole: a quote or title cannot close the element.
      for (const json of doc.querySelectorAll('script[type="application/json"], script[type="application/ld+json"]')) expect(() => JSON.parse(json.textContent!), entry.name).not.toThrow();
    }
    expect(offenders).toEqual([]);
    const row = [...document('indicators/eid-accounts-activated').querySelectorAll('section[aria-labelledby="history"] tbody tr')].find((r) => r.textContent!.includes('Fixture report October'))!;
    const quote = row.querySelector('details.quote blockquote')!;
    expect(quote.textContent).toContain('<script>alert(1)</script> Đã kích hoạt 50,1 triệu tài khoản');
    expect(quote.children).toHaveLength(0);
    expect(row.querySelector('img')).toBeNull();
    expect(page('indicators/eid-accounts-activated')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('neutralises spreadsheet formulas in every CSV, and keeps the numbers numbers', () => {
    const figures = csv('data/latest/figures.csv');
    const level2 = figures.find((r) => r.source_url === 'https://example.org/level2')!;
    expect(level2.quote).toBe('\'=HYPERLINK("https://evil.example/","31 triệu tài khoản")');
    expect(level2.break_en).toBe('Now includes organisation accounts');
    const usage = figures.find((r) => r.source_url === 'https://example.org/usage-october')!;
    expect(usage.quote).toMatch(/^'@SUM\(A1\) /);
    expect([usage.note_vi, usage.note_en]).toEqual(['\'-2 ghi chú thử', '\'-2 test note']);
    expect([usage.period_vi, usage.period_en]).toEqual(['unknown', 'unknown']);
    expect(usage.value).toBe('1300000');
    // The derived same-date relation of each figure of 2 October.
    expect(figures.filter((r) => r.indicator_id === 'eid-accounts-activated' && r.as_of === '2024-10-02').map((r) => [r.qualifier, r.same_date_relation])).toEqual([['', ''], ['', 'disagreement'], ['about', 'rounding'], ['', 'restatement']]);
    expect(figures.find((r) => r.source_url === 'https://example.org/correction')!.same_date_relation).toBe('revision');
    // The chart downloads too; no cell anywhere starts with a formula character.
    const chart = csv('downloads/vi/eid-accounts-level2.csv');
    expect(chart.find((r) => r.source_url === 'https://example.org/level2')!.quote).toMatch(/^'=HYPERLINK/);
    const files = ['data/latest/figures.csv', ...readdirSync(join(outDir, 'downloads', 'vi')).filter((f) => f.endsWith('.csv')).map((f) => `downloads/vi/${f}`)];
    for (const file of files) {
      for (const record of csv(file)) {
        for (const [column, cell] of Object.entries(record)) expect(/^[=+@\t\r]|^-(?!\d+(?:\.\d+)?$)/.test(cell), `${file} ${column}: ${cell}`).toBe(false);
      }
    }
  });
});

/**
 * The site served under a sub-path (a GitHub Pages project site, `/de-an-06/` on a newsroom's domain): builds the
 * fixture site with SITE_URL and BASE_PATH, then follows every URL the build wrote — links, assets, embed snippets,
 * oEmbed, feeds, sitemaps, share images, data packages — and checks that each stays under the base path and names a
 * file in dist/. Also: the build's address rules (preview default, production without SITE_URL, bad values).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtureSite } from '../fixtures/fixture-data.ts';
import { checkLinks } from '../../scripts/lib/dist-audit.ts';

const root = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'de-an-06-base-'));
const { env: fixtureEnv } = writeFixtureSite(work);
const outDir = join(work, 'dist');
const ORIGIN = 'https://example.vn';
const BASE = '/de-an-06/';

function build(env: Record<string, string>, args: string[] = [], out = outDir) {
  const result = spawnSync(process.execPath, ['scripts/build.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...fixtureEnv, SITE_URL: '', BASE_PATH: '', PRODUCTION: '', OUT_DIR: out, TZ: 'UTC', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const files = () => readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(outDir, join(e.parentPath, e.name)));

beforeAll(() => {
  const result = build({ SITE_URL: ORIGIN, BASE_PATH: BASE }, ['--production']);
  if (result.status !== 0) throw new Error(`base-path build failed:\n${result.stdout}\n${result.stderr}`);
  expect(result.stdout).toContain(`For ${ORIGIN}${BASE} (base path ${BASE})`);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a site built for a sub-path', () => {
  it('keeps every URL it writes under the base path, each naming a file in dist/', () => {
    const links = checkLinks(outDir, ORIGIN, BASE);
    expect(links.checked).toBeGreaterThan(500);
    expect(links.outside.slice(0, 20)).toEqual([]);
    expect(links.missing.slice(0, 20)).toEqual([]);
  });

  it('points nothing at the preview server', () => {
    const leaks = files().filter((f) => /\.(html|xml|json|csv|txt|js)$/.test(f)).filter((f) => readFileSync(join(outDir, f), 'utf8').includes('localhost:4321'));
    expect(leaks).toEqual([]);
  });

  it('writes absolute URLs with the public origin and the base path where absolute URLs are needed', () => {
    const home = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(home).toContain(`<link rel="canonical" href="${ORIGIN}${BASE}"`);
    const rss = readFileSync(join(outDir, 'en', 'rss.xml'), 'utf8');
    expect(rss).toContain(`<link>${ORIGIN}${BASE}en/</link>`);
    const oembed = JSON.parse(readFileSync(join(outDir, 'oembed', 'vi', 'eid-accounts-activated.json'), 'utf8')) as { html: string; thumbnail_url: string };
    expect(oembed.html).toContain(`src="${ORIGIN}${BASE}embed/eid-accounts-activated/"`);
    expect(oembed.html).toContain(`src="${ORIGIN}${BASE}embed.js"`);
    expect(oembed.thumbnail_url).toBe(`${ORIGIN}${BASE}downloads/vi/eid-accounts-activated.png`);
    const latest = JSON.parse(readFileSync(join(outDir, 'data', 'latest', 'datapackage.json'), 'utf8')) as { homepage: string };
    expect(latest.homepage).toBe(`${ORIGIN}${BASE}`);
  });
});

describe('the build address rules', () => {
  it('targets the preview server when SITE_URL is unset, and says so', () => {
    const out = join(work, 'preview-dist');
    const result = build({}, [], out);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('every link, embed snippet, feed and citation points at http://localhost:4321/ (SITE_URL is not set)');
    const snippet = readFileSync(join(out, 'oembed', 'en', 'eid-accounts-activated.json'), 'utf8');
    expect(snippet).toContain('http://localhost:4321/en/embed/eid-accounts-activated/');
    rmSync(out, { recursive: true, force: true });
  });

  it('stops a production build without SITE_URL, and a bad address, before building anything', () => {
    const out = join(work, 'never-dist');
    const production = build({}, ['--production'], out);
    expect(production.status).toBe(1);
    expect(production.stderr).toContain('a production build needs the site\'s public address. Set SITE_URL');
    const flag = build({ PRODUCTION: '1' }, [], out);
    expect(flag.status).toBe(1);
    const bad = build({ SITE_URL: 'example.vn' }, [], out);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('SITE_URL: found "example.vn"; expected the site\'s public address, e.g. SITE_URL=https://example.vn');
    const badBase = build({ SITE_URL: ORIGIN, BASE_PATH: '/a b/' }, [], out);
    expect(badBase.status).toBe(1);
    expect(badBase.stderr).toContain('BASE_PATH "/a b/": the path segment "a b" is not allowed');
    expect(existsSync(out)).toBe(false);
  });
});

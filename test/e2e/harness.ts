/**
 * What every browser test needs: a fixture site built with the real build
 * script, a static server for it, and Debian's Chromium (playwright-core, no
 * browser download). Needs `apt-get install -y chromium` (.ci/run does) or CHROMIUM_PATH.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { writeFixtureSite } from '../fixtures/fixture-data.ts';

export const root = join(import.meta.dirname, '../..');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml', '.json': 'application/json', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon', '.png': 'image/png', '.woff2': 'font/woff2', '.webmanifest': 'application/manifest+json',
  '.pf_meta': 'application/octet-stream', '.pf_index': 'application/octet-stream', '.pf_fragment': 'application/octet-stream', '.wasm': 'application/wasm',
};

export interface ServeOptions {
  /** The port to listen on (default: any free port). */
  port?: number;
  /** Headers for the response to a request path, e.g. `headersFor` of src/lib/site/security-headers.ts. */
  headers?: (path: string) => Record<string, string>;
}

/**
 * A static server for a folder: /x/ → /x/index.html, 404 otherwise (dist's 404.html when there is one), 204 for a
 * missing favicon. `extra` may answer first.
 */
export function serve(dir: string, host = '127.0.0.1', extra?: (request: IncomingMessage, response: ServerResponse) => boolean, options: ServeOptions = {}): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    if (extra?.(request, response)) return;
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const headers = options.headers?.(path) ?? {};
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) return void response.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      if (path === '/favicon.ico') return void response.writeHead(204).end();
      const notFound = join(dir, '404.html');
      if (existsSync(notFound)) return void response.writeHead(404, { ...headers, 'content-type': TYPES['.html']! }).end(readFileSync(notFound));
      return void response.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
    }
    response.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(options.port ?? 0, host, () => {
    resolve({ server, origin: `http://${host}:${(server.address() as AddressInfo).port}` });
  }));
}

/** A port free at the moment on `host`, to build a site for an address before serving it there. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The fixture site's dist/ and a cleanup. `env` adds to the build's environment, e.g. SITE_URL, so that embed.js
 * trusts the origin the test serves the site from; such a site is built for the caller alone, into a temporary folder.
 * Without `env` every test file of a run shares one build (sharedFixtureSite): the files only read it.
 */
export function buildFixtureSite(prefix: string, env: Record<string, string> = {}): { work: string; outDir: string; cleanup: () => void } {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}. The browser tests need it: run \`apt-get install -y chromium\` (.ci/run does), or set CHROMIUM_PATH to a Chromium binary.`);
  }
  const run = process.env[TEST_RUN_VARIABLE];
  if (Object.keys(env).length === 0 && run) return sharedFixtureSite(run);
  const work = mkdtempSync(join(tmpdir(), prefix));
  return { work, outDir: buildInto(work, env), cleanup: () => rmSync(work, { recursive: true, force: true }) };
}

/** Set by vitest.config.ts for one `vitest run`: the id of the shared fixture build (test/global-setup.ts removes it). */
export const TEST_RUN_VARIABLE = 'DE_AN_06_TEST_RUN';

/** The folder of a run's shared fixture build. */
export function sharedFixtureFolder(run: string): string {
  return join(tmpdir(), `de-an-06-shared-fixture-${run.replace(/[^\w-]/g, '')}`);
}

/**
 * One fixture build per test run, shared by the test files (each runs in its own worker process): the first caller
 * takes the lock (an atomic mkdir) and builds; the others wait for its "ready" or "failed" marker. A build takes
 * about 30 s; seven browser test files used to make one each.
 */
function sharedFixtureSite(run: string): { work: string; outDir: string; cleanup: () => void } {
  const work = sharedFixtureFolder(run);
  const ready = join(work, 'ready');
  const failed = join(work, 'failed');
  mkdirSync(work, { recursive: true });
  let builder = false;
  try {
    mkdirSync(join(work, 'lock'));
    builder = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (builder) {
    try {
      buildInto(work, {});
      writeFileSync(ready, '');
    } catch (error) {
      writeFileSync(failed, (error as Error).message);
      throw error;
    }
  } else {
    const sleeper = new Int32Array(new SharedArrayBuffer(4));
    const deadline = Date.now() + 10 * 60_000;
    while (!existsSync(ready)) {
      if (existsSync(failed)) throw new Error(`the shared fixture build failed (in another test file):\n${readFileSync(failed, 'utf8')}`);
      if (Date.now() > deadline) throw new Error(`the shared fixture build in ${work} did not finish within 10 minutes`);
      Atomics.wait(sleeper, 0, 0, 250);
    }
  }
  // The run's global teardown removes the folder once every file is done.
  return { work, outDir: join(work, 'dist'), cleanup: () => {} };
}

function buildInto(work: string, env: Record<string, string>): string {
  const outDir = join(work, 'dist');
  const fixture = writeFixtureSite(work);
  const result = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: root, env: { ...process.env, ...fixture.env, ...env, OUT_DIR: outDir, TZ: 'UTC' }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`fixture build failed:\n${result.stdout}\n${result.stderr}`);
  return outDir;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** A browser test file's site, served on a local port, and its Chromium: see useFixtureSite. */
export interface ServedSite {
  readonly origin: string;
  readonly outDir: string;
  readonly browser: Browser;
}

/**
 * What every browser test file sets up: a built site (`make`, by default the run's shared fixture build), a static
 * server for it and Chromium, started before the file's tests and closed after them. The getters throw when used
 * before the setup ran.
 */
export function useFixtureSite(make: () => { outDir: string; cleanup: () => void }, setupTimeout?: number): ServedSite {
  let site: { outDir: string; cleanup: () => void } | undefined;
  let server: Server | undefined;
  let origin: string | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    site = make();
    ({ server, origin } = await serve(site.outDir));
    browser = await launchChromium();
  }, setupTimeout);
  afterAll(async () => {
    await browser?.close();
    await closeServer(server);
    site?.cleanup();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the site is not served yet: use it inside a test');
    return value;
  };
  return {
    get origin() { return started(origin); },
    get outDir() { return started(site).outDir; },
    get browser() { return started(browser); },
  };
}

export function closeServer(server: Server | undefined): Promise<void> {
  return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
}

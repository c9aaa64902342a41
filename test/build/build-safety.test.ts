/**
 * Builds that cannot hurt (issue 9, point 6). Unit tests of scripts/lib/publish.ts on temporary folders, with file
 * operations made to fail where a real disk would: the lock against a second build, a dead build's lock taken over,
 * leftovers of killed builds removed, dist/ restored after a kill mid-swap, the swap that never leaves dist/ missing
 * and rolls back, folders on another filesystem (EXDEV), a dist/ that is a mount point (EBUSY), and cleanup on
 * SIGINT/SIGTERM in a real child process. One end-to-end run of scripts/build.ts on fixture data, built on a tmpfs
 * when there is one (the case that failed with EXDEV), with a second build refused and the first killed mid-build.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BuildLockedError,
  PublishError,
  acquireBuildLock,
  isProcessRunning,
  nodeFileSystem,
  outputPaths,
  processStartOf,
  publish,
  removeInBackground,
  removeLeftovers,
  type FileSystem,
  type PublishEffects,
} from '../../scripts/lib/publish.ts';
import { writeFixtureSite } from '../fixtures/fixture-data.ts';

const root = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'de-an-06-build-safety-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let cases = 0;
/** A fresh parent folder with `dist/` holding `index.html` = `old`. */
function site(withDist = true): { parent: string; outDir: string } {
  const parent = join(work, `case-${++cases}`);
  const outDir = join(parent, 'dist');
  mkdirSync(parent, { recursive: true });
  if (withDist) writeTree(outDir, { 'index.html': 'old', 'a/page.html': 'old page' });
  return { parent, outDir };
}
function writeTree(folder: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
}
const read = (path: string) => readFileSync(path, 'utf8');
/** Waits until `done()` (a background process's work), failing after 20 s. */
async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the background deletion');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const list = (folder: string) => readdirSync(folder).sort();

function effectsFor(overrides: Partial<PublishEffects> = {}): PublishEffects & { notices: string[] } {
  const notices: string[] = [];
  return { fs: nodeFileSystem, pid: 4242, now: () => new Date('2026-05-04T10:12:03.456Z'), isRunning: () => true, notice: (message) => notices.push(message), notices, ...overrides };
}
function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}
/** The real file system, except renames for which `fail` returns an error code. */
function failingRename(fail: (from: string, to: string) => string | undefined): FileSystem {
  return {
    ...nodeFileSystem,
    rename(from, to) {
      const code = fail(from, to);
      if (code !== undefined) throw errno(code);
      nodeFileSystem.rename(from, to);
    },
  };
}

describe('the build lock', () => {
  it('is a folder next to the output naming the build that holds it', () => {
    const { parent, outDir } = site();
    const lock = acquireBuildLock(outDir, effectsFor());
    expect(lock.path).toBe(join(parent, 'dist.lock'));
    expect(JSON.parse(read(join(parent, 'dist.lock', 'owner.json')))).toMatchObject({ pid: 4242, started: '2026-05-04T10:12:03.456Z' });
    expect(list(parent)).toEqual(['dist', 'dist.lock']);
    lock.release();
    expect(list(parent)).toEqual(['dist']);
  });

  it('stops a second build at once, naming the pid and the lock', () => {
    const { outDir } = site();
    const first = acquireBuildLock(outDir, effectsFor({ pid: 100 }));
    const second = () => acquireBuildLock(outDir, effectsFor({ pid: 200, isRunning: (owner) => owner.pid === 100 }));
    expect(second).toThrow(BuildLockedError);
    expect(second).toThrow(`another build (pid 100, started 2026-05-04 10:12:03 UTC) is writing ${outDir}. Wait for it to finish; if no build is running, delete the folder ${outDir}.lock.`);
    expect(JSON.parse(read(join(first.path, 'owner.json'))).pid).toBe(100);
    expect(list(join(outDir, '..'))).toEqual(['dist', 'dist.lock']);
    first.release();
  });

  it('takes over the lock of a build that is no longer running, and says so', () => {
    const { outDir } = site();
    const dead = acquireBuildLock(outDir, effectsFor({ pid: 100 }));
    const effects = effectsFor({ pid: 200, isRunning: () => false });
    const lock = acquireBuildLock(outDir, effects);
    expect(effects.notices).toEqual([`Took over the build lock ${outDir}.lock left by pid 100 (started 2026-05-04 10:12:03 UTC), which is no longer running.`]);
    expect(JSON.parse(read(join(lock.path, 'owner.json'))).pid).toBe(200);
    dead.release(); // the dead build's release must not remove the new holder's lock
    expect(existsSync(lock.path)).toBe(true);
    lock.release();
    expect(list(join(outDir, '..'))).toEqual(['dist']);
  });

  it('puts back a lock that another build took while this one was taking over the dead one', () => {
    const { outDir } = site();
    acquireBuildLock(outDir, effectsFor({ pid: 100 }));
    const { lock, staleLock } = outputPaths(outDir, 200);
    const fs = failingRename((from, to) => {
      if (from === lock && to === staleLock) {
        // In this instant build 300 takes over the dead lock first.
        rmSync(lock, { recursive: true });
        acquireBuildLock(outDir, effectsFor({ pid: 300 }));
      }
      return undefined;
    });
    const attempt = () => acquireBuildLock(outDir, effectsFor({ pid: 200, fs, isRunning: (owner) => owner.pid === 300 }));
    expect(attempt).toThrow('another build (pid 300,');
    expect(JSON.parse(read(join(lock, 'owner.json'))).pid).toBe(300);
    expect(list(join(outDir, '..'))).toEqual(['dist', 'dist.lock']);
  });

  it('takes over an unreadable lock', () => {
    const { outDir } = site();
    mkdirSync(`${outDir}.lock`);
    writeFileSync(join(`${outDir}.lock`, 'owner.json'), '{"pid": 1');
    const effects = effectsFor({ isRunning: () => true });
    acquireBuildLock(outDir, effects).release();
    expect(effects.notices).toEqual([`Took over the build lock ${outDir}.lock: it was unreadable.`]);
  });

  it('knows a running process from a dead one or a reused pid', () => {
    const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const deadPid = Number(child.stdout.trim());
    const started = '2026-05-04T10:12:03.456Z';
    expect(isProcessRunning({ pid: deadPid, started, token: 'x' })).toBe(false);
    expect(isProcessRunning({ pid: process.ppid, started, token: 'x', processStart: processStartOf(process.ppid) })).toBe(true);
    expect(isProcessRunning({ pid: process.pid, started, token: 'x' })).toBe(false); // a lock with our pid is from before
    if (processStartOf(process.ppid) !== undefined) {
      expect(isProcessRunning({ pid: process.ppid, started, token: 'x', processStart: '1' })).toBe(false); // pid reused
    }
  });
});

describe('leftovers of interrupted builds', () => {
  it('are removed at start, and nothing else is', () => {
    const { parent, outDir } = site();
    for (const name of ['dist.staging-1', 'dist.previous-2', 'dist.lock-new-3', 'dist.lock-stale-4', 'dist.staging-notes', 'distx.staging-5', 'other']) writeTree(join(parent, name), { 'f.txt': name });
    const projectRoot = join(parent, 'project');
    const { buildFolder, buildKey } = outputPaths(outDir, 1, projectRoot);
    writeTree(join(buildFolder!, `${buildKey}.staging-6`), { 'f.txt': 'x' });
    writeTree(join(buildFolder!, 'dist-00000000.staging-7'), { 'f.txt': 'another output folder' });
    const effects = effectsFor();
    const removed = removeLeftovers(outDir, effects, projectRoot);
    expect([...removed].sort()).toEqual([`.build/${buildKey}.staging-6`, 'dist.lock-new-3', 'dist.lock-stale-4', 'dist.previous-2', 'dist.staging-1']);
    expect(list(parent)).toEqual(['dist', 'dist.staging-notes', 'distx.staging-5', 'other', 'project']);
    expect(list(buildFolder!)).toEqual(['dist-00000000.staging-7']);
    expect(read(join(outDir, 'index.html'))).toBe('old');
    expect(effects.notices).toEqual([`Removed 5 folders left by interrupted builds: ${removed.join(', ')}.`]);
  });

  it('include a dist/ moved aside by a build killed mid-swap: it is put back', () => {
    const { parent, outDir } = site(false);
    writeTree(join(parent, 'dist.previous-7'), { 'index.html': 'old' });
    writeTree(join(parent, 'dist.previous-3'), { 'index.html': 'older' });
    utimesSync(join(parent, 'dist.previous-3'), new Date('2020-01-01'), new Date('2020-01-01'));
    writeTree(join(parent, 'dist.staging-7'), { 'index.html': 'new' });
    const effects = effectsFor();
    removeLeftovers(outDir, effects);
    expect(read(join(outDir, 'index.html'))).toBe('old');
    expect(list(parent)).toEqual(['dist']);
    expect(effects.notices).toEqual([
      'Restored dist/ from dist.previous-7: a build was stopped while swapping it in.',
      'Removed 2 folders left by interrupted builds: dist.previous-3, dist.staging-7.',
    ]);
  });

  it('include an old site a finished build discarded: deleted, never put back, not reported as interrupted', async () => {
    const { parent, outDir } = site(false);
    writeTree(join(parent, 'dist.discarded-8'), { 'index.html': 'old, half deleted', 'a/page.html': 'x' });
    const effects = effectsFor({ discard: removeInBackground });
    expect(removeLeftovers(outDir, effects)).toEqual([]);
    expect(existsSync(outDir)).toBe(false);
    expect(effects.notices).toEqual([]);
    await until(() => list(parent).length === 0);
  });

  it('say nothing when there are none', () => {
    const { outDir } = site();
    const effects = effectsFor();
    expect(removeLeftovers(outDir, effects)).toEqual([]);
    expect(effects.notices).toEqual([]);
  });
});

describe('publishing', () => {
  it('swaps the new site in and leaves nothing beside it', () => {
    const { parent, outDir } = site();
    const { staging } = outputPaths(outDir, 4242);
    writeTree(staging, { 'index.html': 'new', 'b/page.html': 'new page' });
    expect(publish(staging, outDir, effectsFor())).toEqual([]);
    expect(read(join(outDir, 'index.html'))).toBe('new');
    expect(existsSync(join(outDir, 'a'))).toBe(false);
    expect(list(parent)).toEqual(['dist']);
  });

  it('hands the old site to a process of its own to delete: dist/ is the new site when publish returns, and nothing is left beside it', async () => {
    const { parent, outDir } = site();
    const { staging } = outputPaths(outDir, 4242);
    writeTree(staging, { 'index.html': 'new' });
    // Many files, so the deletion is still running when publish returns.
    writeTree(outDir, Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`old/${i % 40}/${i}.html`, 'old'])));
    const discarded: string[] = [];
    publish(staging, outDir, effectsFor({ discard: (path) => { discarded.push(path); removeInBackground(path); } }));
    expect(read(join(outDir, 'index.html'))).toBe('new');
    expect(discarded).toEqual([outputPaths(outDir, 4242).previous]);
    // Returned before the deletion ended (a new process takes tens of milliseconds to start), and renamed before it
    // began: never left as a dist.previous-*, which the next build would put back as the site.
    expect(list(parent)).toEqual(['dist', 'dist.discarded-4242']);
    await until(() => list(parent).length === 1);
    expect(list(parent)).toEqual(['dist']);
  });

  it('publishes a first build', () => {
    const { parent, outDir } = site(false);
    const { staging } = outputPaths(outDir, 4242);
    writeTree(staging, { 'index.html': 'new' });
    publish(staging, outDir, effectsFor());
    expect(read(join(outDir, 'index.html'))).toBe('new');
    expect(list(parent)).toEqual(['dist']);
  });

  it('never leaves dist/ missing except between the two renames of the swap', () => {
    const { outDir } = site();
    const { staging, previous } = outputPaths(outDir, 4242);
    writeTree(staging, { 'index.html': 'new' });
    const log: string[] = [];
    const watched = Object.fromEntries(Object.entries(nodeFileSystem).map(([name, operation]) => [name, (...args: string[]) => {
      const result = (operation as (...a: string[]) => unknown)(...args);
      log.push(`${name} ${args.map((arg) => arg.replace(`${outDir}`, 'dist')).join(' → ')}: dist/ ${existsSync(outDir) ? 'present' : 'MISSING'}`);
      return result;
    }])) as unknown as FileSystem;
    publish(staging, outDir, effectsFor({ fs: watched }));
    expect(log.filter((line) => line.startsWith('rename') || line.endsWith('MISSING'))).toEqual([
      `rename dist → dist.previous-4242: dist/ MISSING`,
      `rename dist.staging-4242 → dist: dist/ present`,
    ]);
    expect(existsSync(previous)).toBe(false);
  });

  it('puts the previous site back when the new one cannot be moved in', () => {
    const { parent, outDir } = site();
    const { staging } = outputPaths(outDir, 4242);
    writeTree(staging, { 'index.html': 'new' });
    const fs = failingRename((from, to) => (from === staging && to === outDir ? 'EACCES' : undefined));
    const error = catchError(() => publish(staging, outDir, effectsFor({ fs })));
    expect(error).toBeInstanceOf(PublishError);
    expect(error.message).toBe('could not swap in the new site (EACCES: simulated). The previous dist/ is back in place.');
    expect(read(join(outDir, 'index.html'))).toBe('old');
    expect(list(parent)).toEqual(['dist', 'dist.staging-4242']); // the caller deletes its staging folder
  });

  it('when even the rollback fails, names the folder holding the previous site, and the next build restores it', () => {
    const { parent, outDir } = site();
    const { staging, previous } = outputPaths(outDir, 4242);
    writeTree(staging, { 'index.html': 'new' });
    const fs = failingRename((_from, to) => (to === outDir ? 'EIO' : undefined));
    expect(() => publish(staging, outDir, effectsFor({ fs }))).toThrow(`could not swap in the new site (EIO: simulated), nor put the previous site back (EIO: simulated). The previous site is in ${previous}: the next build puts it back, or rename it to dist by hand.`);
    rmSync(staging, { recursive: true });
    removeLeftovers(outDir, effectsFor({ pid: 5000 }));
    expect(read(join(outDir, 'index.html'))).toBe('old');
    expect(list(parent)).toEqual(['dist']);
  });

  it('changes nothing when dist/ cannot be moved aside', () => {
    const { outDir } = site();
    const { staging } = outputPaths(outDir, 4242);
    writeTree(staging, { 'index.html': 'new' });
    const fs = failingRename((from) => (from === outDir ? 'EACCES' : undefined));
    expect(() => publish(staging, outDir, effectsFor({ fs }))).toThrow(`could not move ${outDir} aside to swap in the new site (EACCES: simulated). Nothing was changed.`);
    expect(read(join(outDir, 'index.html'))).toBe('old');
  });

  it('copies a build made on another filesystem (EXDEV) next to the output, then swaps', () => {
    const { parent, outDir } = site();
    const elsewhere = join(work, `elsewhere-${cases}`);
    writeTree(elsewhere, { 'index.html': 'new', 'b/page.html': 'new page' });
    const fs = failingRename((from) => (from === elsewhere ? 'EXDEV' : undefined));
    publish(elsewhere, outDir, effectsFor({ fs }));
    expect(read(join(outDir, 'b/page.html'))).toBe('new page');
    expect(existsSync(elsewhere)).toBe(false);
    expect(list(parent)).toEqual(['dist']);
  });

  const shm = '/dev/shm';
  const otherFilesystem = existsSync(shm) && statSync(shm).dev !== statSync(work).dev;
  it.skipIf(!otherFilesystem)('copies a build from a real other filesystem (a tmpfs)', () => {
    const { parent, outDir } = site();
    const elsewhere = mkdtempSync(join(shm, 'de-an-06-build-safety-'));
    try {
      writeTree(elsewhere, { 'index.html': 'new' });
      publish(elsewhere, outDir, effectsFor());
      expect(read(join(outDir, 'index.html'))).toBe('new');
      expect(existsSync(elsewhere)).toBe(false);
      expect(list(parent)).toEqual(['dist']);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it.each(['EBUSY', 'EXDEV'])('replaces the contents of a dist/ that cannot be renamed (%s: a mount point)', (code) => {
    const { parent, outDir } = site();
    const { staging } = outputPaths(outDir, 4242);
    writeTree(staging, { 'index.html': 'new', 'b/page.html': 'new page' });
    const fs = failingRename((from) => (from === outDir ? code : undefined));
    expect(publish(staging, outDir, effectsFor({ fs }))).toEqual([`${outDir} is a mount point or on another filesystem than its folder, so its contents were replaced in place.`]);
    expect(list(outDir)).toEqual(['b', 'index.html']);
    expect(read(join(outDir, 'index.html'))).toBe('new');
    expect(list(parent)).toEqual(['dist']);
  });

  it('puts the old contents of a mount point back when replacing them fails', () => {
    const { outDir } = site();
    const { staging } = outputPaths(outDir, 4242);
    writeTree(staging, { 'index.html': 'new', 'b/page.html': 'new page', 'c/page.html': 'new page' });
    const fs = failingRename((from, to) => (from === outDir ? 'EBUSY' : to === join(outDir, 'c') ? 'EIO' : undefined));
    expect(() => publish(staging, outDir, effectsFor({ fs }))).toThrow(`could not replace the contents of ${outDir} (EIO: simulated). The previous contents are back in place.`);
    expect(list(outDir)).toEqual(['a', 'index.html']);
    expect(read(join(outDir, 'index.html'))).toBe('old');
  });

  it('undoes an in-place swap that was killed half-way, at the next start', () => {
    const { outDir } = site(false);
    writeTree(outDir, { 'index.html': 'new', '.publish-previous-9/index.html': 'old', '.publish-previous-9/a/page.html': 'old page', '.publish-incoming-9/b/page.html': 'new page' });
    const effects = effectsFor();
    removeLeftovers(outDir, effects);
    expect(list(outDir)).toEqual(['a', 'index.html']);
    expect(effects.notices).toEqual(['Removed 2 folders left by interrupted builds: dist/.publish-incoming-9, dist/.publish-previous-9.']);
  });
});

describe('signals', () => {
  const publishModule = join(root, 'scripts/lib/publish.ts');
  /** A child that takes the lock, writes a staging folder, cleans up as build.ts does, and then waits or fails. */
  function startChild(outDir: string, then: 'wait' | 'throw') {
    const script = `
      import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
      import { acquireBuildLock, cleanupOnExit, nodeEffects, outputPaths } from ${JSON.stringify(publishModule)};
      const outDir = ${JSON.stringify(outDir)};
      const lock = acquireBuildLock(outDir, nodeEffects(console.warn));
      const { staging } = outputPaths(outDir, process.pid);
      cleanupOnExit((signal) => { rmSync(staging, { recursive: true, force: true }); lock.release(); console.log('cleaned up', signal ?? 'exit'); });
      mkdirSync(staging); writeFileSync(staging + '/index.html', 'half-built');
      console.log('ready');
      ${then === 'wait' ? 'setInterval(() => {}, 1000);' : 'setTimeout(() => { throw new Error("boom"); }, 10);'}
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        if (stdout.includes('ready')) resolve();
      });
      child.on('exit', () => reject(new Error(`child exited early: ${stderr}`)));
    });
    const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
    return { child, ready, exited };
  }

  it.each([['SIGTERM', 143], ['SIGINT', 130]] as const)('%s removes the staging folder and releases the lock', async (signal, exitCode) => {
    const { parent, outDir } = site();
    const { child, ready, exited } = startChild(outDir, 'wait');
    await ready;
    expect(list(parent)).toEqual(['dist', 'dist.lock', `dist.staging-${child.pid}`]);
    child.kill(signal);
    const result = await exited;
    expect(result.code).toBe(exitCode);
    expect(result.stdout).toContain(`cleaned up ${signal}`);
    expect(list(parent)).toEqual(['dist']);
    expect(read(join(outDir, 'index.html'))).toBe('old');
  });

  it('an uncaught error removes the staging folder and releases the lock', async () => {
    const { parent, outDir } = site();
    const { ready, exited } = startChild(outDir, 'throw');
    await ready;
    const result = await exited;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('boom');
    expect(list(parent)).toEqual(['dist']);
  });
});

describe('scripts/build.ts on fixture data', () => {
  it('refuses a second build, cleans up when killed, then builds across filesystems and leaves nothing behind', async () => {
    // On a tmpfs when there is one: Astro's own renames used to fail there with EXDEV.
    const base = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(root).dev ? '/dev/shm' : work;
    const fixture = mkdtempSync(join(base, 'de-an-06-build-safety-e2e-'));
    const { env } = writeFixtureSite(fixture);
    const outDir = join(fixture, 'dist');
    const buildEnv = { ...process.env, ...env, OUT_DIR: outDir, TZ: 'UTC' };
    const { buildFolder, buildKey } = outputPaths(outDir, 0, root);
    const ours = () => (buildFolder !== undefined && existsSync(buildFolder) ? readdirSync(buildFolder).filter((entry) => entry.startsWith(`${buildKey}.`)) : []);
    writeTree(outDir, { 'index.html': 'old' });
    writeTree(join(fixture, 'dist.staging-999999'), { 'index.html': 'half-built' });

    const first = spawn(process.execPath, ['scripts/build.ts'], { cwd: root, env: buildEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let firstOutput = '';
      first.stdout.on('data', (chunk) => (firstOutput += chunk));
      first.stderr.on('data', (chunk) => (firstOutput += chunk));
      const firstExit = new Promise<number | null>((resolve) => first.on('exit', (code) => resolve(code)));
      // Wait until Astro is writing the staging folder, so the kill below interrupts a real half-built site.
      await waitFor(() => ours().length > 0 || first.exitCode !== null, 60_000);
      expect(existsSync(`${outDir}.lock`)).toBe(true);
      expect(existsSync(join(fixture, 'dist.staging-999999'))).toBe(false);
      expect(firstOutput).toContain('! Removed a folder left by interrupted builds: dist.staging-999999.');

      const second = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: root, env: buildEnv, encoding: 'utf8' });
      expect(second.status).toBe(1);
      expect(second.stderr).toMatch(new RegExp(`^✗ Build stopped: another build \\(pid ${first.pid}, started [\\d-]+ [\\d:]+ UTC\\) is writing ${escapeRegExp(outDir)}\\. Wait for it to finish; if no build is running, delete the folder ${escapeRegExp(outDir)}\\.lock\\.`));

      first.kill('SIGTERM');
      expect(await firstExit).toBe(143);
      expect(firstOutput).toContain(`✗ Build interrupted (SIGTERM): .build/${buildKey}.staging-${first.pid} deleted; the previous dist/ is unchanged.`);
      expect(list(fixture)).toEqual(['content', 'data', 'dist']);
      expect(read(join(outDir, 'index.html'))).toBe('old');
      expect(ours()).toEqual([]);

      const third = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: root, env: buildEnv, encoding: 'utf8' });
      expect(third.status, third.stderr).toBe(0);
      expect(third.stderr).not.toMatch(/^[!✗]/m); // no lock to take over, nothing left to clean up
      expect(third.stdout).toMatch(/✓ Built \d+ pages into /);
      expect(read(join(outDir, 'index.html'))).toContain('<html lang="vi"');
      expect(existsSync(join(outDir, '.prerender'))).toBe(false);
      expect(list(fixture)).toEqual(['content', 'data', 'dist']);
      expect(ours()).toEqual([]);
    } finally {
      if (first.exitCode === null) first.kill('SIGKILL');
      for (const entry of ours()) rmSync(join(buildFolder!, entry), { recursive: true, force: true });
      rmSync(fixture, { recursive: true, force: true });
    }
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function catchError(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

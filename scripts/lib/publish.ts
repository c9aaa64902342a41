/**
 * Publishing a build without hurting the site: one build per output folder at a time, leftovers of interrupted
 * builds cleaned up, and the new site swapped in so that the output folder is never missing and a failed swap puts
 * the old one back.
 *
 * Everything lives next to the output folder (say `dist/`), in the same parent folder and so on the same filesystem,
 * where a rename is atomic:
 *
 *     dist.lock/             the lock: a folder holding owner.json (pid, start time); a folder, so that git
 *                            ignores it like every `dist.<something>` folder
 *     dist.staging-<pid>/    the build being written
 *     dist.previous-<pid>/   the old site, for the instant of the swap
 *     dist.discarded-<pid>/  the old site after the swap, being deleted by a process of its own (see `discard`)
 *
 * (An output outside the project is built in `<project>/.build/` and then moved next to it, copied if it is on another
 * filesystem: see `outputPaths`.)
 *
 * The swap is two renames, `dist` → `dist.previous-<pid>` then `dist.staging-<pid>` → `dist`. Node has no atomic
 * exchange of two folders (Linux renameat2(RENAME_EXCHANGE) is not exposed), so between those two system calls —
 * microseconds, with nothing awaited in between, so not even a signal handler can run there — `dist/` does not exist.
 * A request served exactly then gets a 404; a process killed exactly then (kill -9, power loss) leaves the old site in
 * `dist.previous-<pid>/`, and the next build puts it back before doing anything else.
 *
 * When `dist/` cannot be renamed because it is a mount point (a Docker volume, a bind mount) or on another filesystem
 * than its parent, its contents are swapped instead, entry by entry (see `replaceContents`).
 *
 * Side effects (file system, process checks, clock, pid) are passed in, so tests can make a rename fail.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { createHash, randomUUID } from 'node:crypto';
import { basename, dirname, join, sep } from 'node:path';
import { constants } from 'node:os';
import { spawn } from 'node:child_process';

/** The file operations publishing needs; all synchronous, so no signal handler runs in the middle of a swap. */
export interface FileSystem {
  rename(from: string, to: string): void;
  /** Recursive copy of a folder. */
  copy(from: string, to: string): void;
  /** Recursive removal; no error when the path does not exist. */
  remove(path: string): void;
  exists(path: string): boolean;
  list(folder: string): string[];
  mkdir(path: string): void;
  readText(path: string): string;
  writeText(path: string, text: string): void;
  modifiedMs(path: string): number;
}

export const nodeFileSystem: FileSystem = {
  rename: renameSync,
  copy: (from, to) => cpSync(from, to, { recursive: true, errorOnExist: true, force: false, verbatimSymlinks: true }),
  remove: (path) => rmSync(path, { recursive: true, force: true, maxRetries: 3 }),
  exists: existsSync,
  list: (folder) => readdirSync(folder),
  mkdir: (path) => mkdirSync(path, { recursive: true }),
  readText: (path) => readFileSync(path, 'utf8'),
  writeText: (path, text) => writeFileSync(path, text),
  modifiedMs: (path) => statSync(path).mtimeMs,
};

/** Who holds a lock, as written in `<out>.lock/owner.json`. */
export interface LockOwner {
  pid: number;
  /** When the build started (ISO 8601). */
  started: string;
  /** The process's start time as the OS counts it (Linux: clock ticks since boot), to tell a reused pid apart. */
  processStart?: string;
  /** Unique per build, so a build only ever releases its own lock. */
  token: string;
}

export interface PublishEffects {
  fs: FileSystem;
  pid: number;
  now(): Date;
  /** Whether the build that wrote this lock is still running. */
  isRunning(owner: LockOwner): boolean;
  /** The OS start time of this process, recorded in the lock (see `LockOwner.processStart`). */
  processStart?: string;
  /** Notices for the maintainer: a lock taken over, leftovers removed, dist/ restored. */
  notice(message: string): void;
  /**
   * Deletes a folder nothing will read again (the old site, once swapped out), possibly after the call returns.
   * Unset: `fs.remove`, at once.
   */
  discard?(path: string): void;
}

export function nodeEffects(notice: (message: string) => void): PublishEffects {
  return { fs: nodeFileSystem, pid: process.pid, now: () => new Date(), isRunning: isProcessRunning, processStart: processStartOf(process.pid), notice, discard: removeInBackground };
}

/**
 * Deletes a folder in a process of its own, which outlives the build: deleting the previous site took 20 s at 80
 * monthly releases (one file per page, pinned embeds included), and nobody needs to wait for it. The folder is
 * renamed first to `<out>.discarded-<pid>`, so a half-deleted site can never be taken for a previous site to put
 * back (`removeLeftovers` restores only `<out>.previous-*`); if the deleting process dies, the next build deletes
 * what is left.
 */
export function removeInBackground(path: string): void {
  const discarded = path.replace(/\.previous-(\d+)$/, '.discarded-$1');
  if (discarded !== path) renameSync(path, discarded);
  const child = spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true, maxRetries: 3 })', discarded], { detached: true, stdio: 'ignore' });
  child.unref();
}

/**
 * The folders and lock that belong to one output folder, for the build with this pid. `build` is where the site
 * generator writes: the staging folder when the output is inside the project; otherwise a folder in
 * `<project>/.build/`, because Astro runs its intermediate server chunks from there and they must find
 * `node_modules/` — `publish` then moves (or, across filesystems, copies) it next to the output.
 */
export function outputPaths(outDir: string, pid: number, projectRoot?: string) {
  const parent = dirname(outDir);
  const name = basename(outDir);
  const staging = join(parent, `${name}.staging-${pid}`);
  const inside = projectRoot === undefined || outDir.startsWith(projectRoot + sep);
  const buildFolder = projectRoot === undefined ? undefined : join(projectRoot, '.build');
  const buildKey = `${name}-${createHash('sha256').update(outDir).digest('hex').slice(0, 8)}`;
  return {
    parent,
    name,
    lock: join(parent, `${name}.lock`),
    staging,
    build: inside || buildFolder === undefined ? staging : join(buildFolder, `${buildKey}.staging-${pid}`),
    /** The project's `.build/` folder and this output's prefix in it (see `build`). */
    buildFolder,
    buildKey,
    previous: join(parent, `${name}.previous-${pid}`),
    /** The lock being prepared, before it is renamed into place (so it never exists half-written). */
    newLock: join(parent, `${name}.lock-new-${pid}`),
    /** A dead build's lock, moved aside while it is taken over. */
    staleLock: join(parent, `${name}.lock-stale-${pid}`),
  };
}

/** Thrown when another build holds the lock; the message is the whole explanation for the maintainer. */
export class BuildLockedError extends Error {}
/** Thrown when the new site could not be swapped in; the message says where the previous site is. */
export class PublishError extends Error {}

export interface BuildLock {
  path: string;
  owner: LockOwner;
  /** Removes the lock if it is still this build's; safe to call more than once. */
  release(): void;
}

/**
 * Takes the lock on an output folder, or throws `BuildLockedError` at once if a running build holds it. A lock left
 * by a build that is no longer running (killed, crashed, a reused pid) is taken over, with a notice.
 */
export function acquireBuildLock(outDir: string, effects: PublishEffects): BuildLock {
  const { fs } = effects;
  const paths = outputPaths(outDir, effects.pid);
  const owner: LockOwner = { pid: effects.pid, started: effects.now().toISOString(), token: randomUUID() };
  if (effects.processStart !== undefined) owner.processStart = effects.processStart;
  const lock: BuildLock = {
    path: paths.lock,
    owner,
    release() {
      if (readOwner(fs, paths.lock)?.token === owner.token) fs.remove(paths.lock);
    },
  };

  fs.mkdir(paths.parent);
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      fs.remove(paths.newLock);
      fs.mkdir(paths.newLock);
      fs.writeText(join(paths.newLock, 'owner.json'), `${JSON.stringify(owner, null, 2)}\n`);
      try {
        // Renaming a folder onto a non-empty folder fails: only one build can win, and the lock appears complete.
        fs.rename(paths.newLock, paths.lock);
        return lock;
      } catch (error) {
        if (!fs.exists(paths.lock)) throw error;
      }
      const holder = readOwner(fs, paths.lock);
      if (holder !== undefined && effects.isRunning(holder)) {
        throw new BuildLockedError(`another build (pid ${holder.pid}, started ${shortTime(holder.started)}) is writing ${outDir}. Wait for it to finish; if no build is running, delete the folder ${paths.lock}.`);
      }
      if (!takeOver(fs, paths, holder)) continue;
      effects.notice(holder === undefined
        ? `Took over the build lock ${paths.lock}: it was unreadable.`
        : `Took over the build lock ${paths.lock} left by pid ${holder.pid} (started ${shortTime(holder.started)}), which is no longer running.`);
    }
    throw new BuildLockedError(`could not take the build lock ${paths.lock}: other builds keep taking it. Try again.`);
  } finally {
    fs.remove(paths.newLock);
  }
}

/**
 * Moves a dead build's lock aside (a rename: of racing builds, one wins) and deletes it. Returns false if the lock
 * moved aside turned out to be another build's, just taken: that one is put back, and the next attempt reports it.
 */
function takeOver(fs: FileSystem, paths: ReturnType<typeof outputPaths>, stale: LockOwner | undefined): boolean {
  fs.remove(paths.staleLock);
  try {
    fs.rename(paths.lock, paths.staleLock);
  } catch {
    return false; // gone already: the next attempt will see
  }
  if (readOwner(fs, paths.staleLock)?.token !== stale?.token) {
    try {
      fs.rename(paths.staleLock, paths.lock);
      return false;
    } catch {
      // A third build took the lock in this instant; the next attempt reports it.
    }
  }
  fs.remove(paths.staleLock);
  return true;
}

function readOwner(fs: FileSystem, lock: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(fs.readText(join(lock, 'owner.json'))) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.token === 'string' && typeof owner.started === 'string' ? (owner as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Cleans up after builds that were stopped before they could (kill -9, a crash, a power cut). Call it while holding
 * the lock: no other build can be using these folders then, whatever their pid (pids are reused, so "is that pid
 * alive" would keep some leftovers forever).
 * - `<out>` missing but a `<out>.previous-*` present: a build died in the middle of the swap; the previous site is
 *   put back.
 * - every other `<out>.staging-*`, `<out>.previous-*`, `<out>.lock-new-*`, `<out>.lock-stale-*` is deleted, and so
 *   is every `<out>.discarded-*` (an old site a finished build gave to `discard`), never put back;
 * - inside `<out>`, what an interrupted in-place swap left (see `replaceContents`) is undone.
 * Returns the names removed.
 */
export function removeLeftovers(outDir: string, effects: PublishEffects, projectRoot?: string): string[] {
  const { fs } = effects;
  const { parent, name, buildFolder, buildKey } = outputPaths(outDir, effects.pid, projectRoot);
  if (!fs.exists(parent)) return [];
  const pattern = new RegExp(`^${escapeRegExp(name)}\\.(staging|previous|discarded|lock-new|lock-stale)-\\d+$`);
  const leftovers = fs.list(parent).filter((entry) => pattern.test(entry));
  const buildPattern = new RegExp(`^${escapeRegExp(buildKey)}\\.staging-\\d+$`);
  const buildLeftovers: string[] = [];
  if (buildFolder !== undefined && fs.exists(buildFolder)) {
    for (const entry of fs.list(buildFolder).filter((e) => buildPattern.test(e))) {
      fs.remove(join(buildFolder, entry));
      buildLeftovers.push(entry);
    }
  }
  if (!fs.exists(outDir)) {
    const previous = leftovers.filter((entry) => entry.startsWith(`${name}.previous-`)).sort((a, b) => fs.modifiedMs(join(parent, b)) - fs.modifiedMs(join(parent, a)))[0];
    if (previous !== undefined) {
      fs.rename(join(parent, previous), outDir);
      leftovers.splice(leftovers.indexOf(previous), 1);
      effects.notice(`Restored ${name}/ from ${previous}: a build was stopped while swapping it in.`);
    }
  }
  // A discarded site may still be being deleted by its own process (see `removeInBackground`): nothing waits for it.
  const discarded = (entry: string) => entry.startsWith(`${name}.discarded-`);
  for (const entry of leftovers) (discarded(entry) ? (effects.discard ?? fs.remove) : fs.remove)(join(parent, entry));
  const inside = fs.exists(outDir) ? undoInPlaceSwap(outDir, fs) : [];
  const interrupted = leftovers.filter((entry) => !discarded(entry));
  const removed = [...interrupted, ...inside.map((entry) => `${name}/${entry}`), ...buildLeftovers.map((entry) => `.build/${entry}`)];
  if (removed.length > 0) effects.notice(`Removed ${removed.length === 1 ? 'a folder' : `${removed.length} folders`} left by interrupted builds: ${removed.join(', ')}.`);
  return removed;
}

const IN_PLACE_INCOMING = '.publish-incoming-';
const IN_PLACE_PREVIOUS = '.publish-previous-';

/** After an in-place swap was killed: old entries still set aside go back where no new entry took their name. */
function undoInPlaceSwap(outDir: string, fs: FileSystem): string[] {
  const leftovers = fs.list(outDir).filter((entry) => entry.startsWith(IN_PLACE_INCOMING) || entry.startsWith(IN_PLACE_PREVIOUS));
  for (const entry of leftovers.filter((e) => e.startsWith(IN_PLACE_PREVIOUS))) {
    const present = new Set(fs.list(outDir));
    for (const old of fs.list(join(outDir, entry))) if (!present.has(old)) fs.rename(join(outDir, entry, old), join(outDir, old));
  }
  for (const entry of leftovers) fs.remove(join(outDir, entry));
  return leftovers;
}

/**
 * Replaces `outDir` with the finished build in `built` (`outputPaths(...).build`). Never leaves
 * `outDir` missing except for the instant described at the top of this file; if the swap fails, the previous site is
 * put back and a `PublishError` says so. A `built` folder on another filesystem is copied, not renamed.
 * Returns notices for the maintainer (usually none).
 */
export function publish(built: string, outDir: string, effects: PublishEffects): string[] {
  const { fs } = effects;
  const paths = outputPaths(outDir, effects.pid);
  const notices: string[] = [];
  let incoming = built;
  if (built !== paths.staging) {
    // Bring the build next to the output first (a copy across filesystems), so the swap is two same-filesystem renames.
    moveFolder(fs, built, paths.staging);
    incoming = paths.staging;
  }
  if (!fs.exists(outDir)) {
    moveFolder(fs, incoming, outDir);
    return notices;
  }
  try {
    fs.rename(outDir, paths.previous);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EXDEV' || code === 'EBUSY') {
      replaceContents(fs, incoming, outDir, effects.pid);
      notices.push(`${outDir} is a mount point or on another filesystem than its folder, so its contents were replaced in place.`);
      return notices;
    }
    throw new PublishError(`could not move ${outDir} aside to swap in the new site (${messageOf(error)}). Nothing was changed.`);
  }
  // From here until the next rename succeeds, outDir does not exist (see the top of this file).
  try {
    fs.rename(incoming, outDir);
  } catch (error) {
    try {
      fs.rename(paths.previous, outDir);
    } catch (rollbackError) {
      throw new PublishError(`could not swap in the new site (${messageOf(error)}), nor put the previous site back (${messageOf(rollbackError)}). The previous site is in ${paths.previous}: the next build puts it back, or rename it to ${paths.name} by hand.`);
    }
    throw new PublishError(`could not swap in the new site (${messageOf(error)}). The previous ${paths.name}/ is back in place.`);
  }
  try {
    (effects.discard ?? fs.remove)(paths.previous);
  } catch (error) {
    notices.push(`Could not delete the previous site in ${paths.previous} (${messageOf(error)}); the next build deletes it.`);
  }
  return notices;
}

/** Renames a folder; across filesystems (EXDEV), copies it and deletes the original. */
export function moveFolder(fs: FileSystem, from: string, to: string): void {
  try {
    fs.rename(from, to);
  } catch (error) {
    if (errorCode(error) !== 'EXDEV') throw error;
    try {
      fs.copy(from, to);
    } catch (copyError) {
      fs.remove(to);
      throw copyError;
    }
    fs.remove(from);
  }
}

/**
 * Swaps the contents of an output folder that cannot itself be renamed (a mount point). The new build is first moved
 * (copied, across filesystems) into a hidden folder inside `outDir`, so the swap is renames on one filesystem: every
 * old entry into a second hidden folder, then every new entry into place. The site is incomplete for the time those
 * renames take (one per top-level entry, a few dozen), and the hidden folder is inside the served folder while the
 * build is copied in. A failure moves everything back.
 */
function replaceContents(fs: FileSystem, incoming: string, outDir: string, pid: number): void {
  const inner = join(outDir, `${IN_PLACE_INCOMING}${pid}`);
  const aside = join(outDir, `${IN_PLACE_PREVIOUS}${pid}`);
  moveFolder(fs, incoming, inner);
  const oldEntries = fs.list(outDir).filter((entry) => !entry.startsWith(IN_PLACE_INCOMING) && !entry.startsWith(IN_PLACE_PREVIOUS));
  const newEntries = fs.list(inner);
  const movedOld: string[] = [];
  const movedNew: string[] = [];
  try {
    fs.mkdir(aside);
    for (const entry of oldEntries) {
      fs.rename(join(outDir, entry), join(aside, entry));
      movedOld.push(entry);
    }
    for (const entry of newEntries) {
      fs.rename(join(inner, entry), join(outDir, entry));
      movedNew.push(entry);
    }
  } catch (error) {
    try {
      for (const entry of movedNew.reverse()) fs.rename(join(outDir, entry), join(inner, entry));
      for (const entry of movedOld.reverse()) fs.rename(join(aside, entry), join(outDir, entry));
    } catch (rollbackError) {
      throw new PublishError(`could not replace the contents of ${outDir} (${messageOf(error)}), nor put them back (${messageOf(rollbackError)}). The next build puts back what it can; rebuild.`);
    }
    fs.remove(inner);
    fs.remove(aside);
    throw new PublishError(`could not replace the contents of ${outDir} (${messageOf(error)}). The previous contents are back in place.`);
  }
  fs.remove(inner);
  fs.remove(aside);
}

/**
 * Whether the build that wrote a lock still runs: its pid exists and, where the OS tells (Linux), the process with
 * that pid started when the lock says — a pid reused by some other program after a kill or a reboot does not count.
 */
export function isProcessRunning(owner: LockOwner): boolean {
  if (owner.pid === process.pid) return false; // this build has not taken the lock yet, so it is left from before
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if (errorCode(error) !== 'EPERM') return false; // EPERM: it exists, under another user
  }
  const now = processStartOf(owner.pid);
  return owner.processStart === undefined || now === undefined || now === owner.processStart;
}

/** Linux: field 22 of /proc/<pid>/stat, the process's start time in clock ticks after boot; elsewhere undefined. */
export function processStartOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** Exit codes for the signals a build cleans up after: 128 + the signal number, as a shell reports them. */
export const CLEANUP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type CleanupSignal = (typeof CLEANUP_SIGNALS)[number];

/**
 * Runs `cleanup` once when the process ends: normal exit, `process.exit`, an uncaught error, or SIGINT/SIGTERM/SIGHUP
 * (then with the signal's name, and the process exits with 128 + its number). Cleanup must be synchronous.
 */
export function cleanupOnExit(cleanup: (signal?: CleanupSignal) => void, proc: NodeJS.Process = process): void {
  let done = false;
  const once = (signal?: CleanupSignal) => {
    if (done) return;
    done = true;
    cleanup(signal);
  };
  proc.on('exit', () => once());
  for (const signal of CLEANUP_SIGNALS) {
    proc.on(signal, () => {
      once(signal);
      proc.exit(128 + constants.signals[signal]);
    });
  }
}

function shortTime(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC');
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

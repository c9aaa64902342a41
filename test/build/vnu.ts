/**
 * The W3C Nu HTML Checker (vnu-jar, run with Java) over built pages: every error, as file + line + message.
 * Needs Java (`apt-get install -y default-jre-headless`; .ci/run installs it).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface VnuError {
  file: string;
  line?: number;
  message: string;
}

/**
 * Errors vnu reports that another branch fixes, filtered until it lands.
 * - Observable Plot writes font-variant="tabular-nums" on axis <g> (an SVG 1.1 presentation attribute that allows only
 *   normal|small-caps); the branch i10-csp moves it out of render.ts. The lead removes this filter after merging it.
 */
export const KNOWN_ELSEWHERE: readonly RegExp[] = [/^Bad value “tabular-nums” for attribute “font-variant” on element “g”/];

export function vnuJar(): string {
  return createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
}

/** Runs vnu (errors only) over HTML files; paths in the result are relative to `root`. */
export function vnuErrors(files: readonly string[], root: string): VnuError[] {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) throw new Error('Java not found: the HTML validation test runs vnu-jar with Java. Run `apt-get install -y default-jre-headless` (.ci/run does).');
  const result = spawnSync('java', ['-Xss4m', '-jar', vnuJar(), '--errors-only', '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  // vnu writes its JSON report to stderr and exits 1 when it finds errors.
  const report = JSON.parse(result.stderr || '{"messages":[]}') as { messages: Array<{ type: string; subType?: string; url?: string; lastLine?: number; message: string }> };
  return report.messages
    .filter((m) => m.type === 'error' || m.subType === 'fatal')
    .map((m) => ({ file: m.url ? relative(root, fileURLToPath(m.url)) : '?', ...(m.lastLine !== undefined ? { line: m.lastLine } : {}), message: m.message }));
}

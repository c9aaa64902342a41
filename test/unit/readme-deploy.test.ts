import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_CONTROL, COMMON_HEADERS, EMBED_CSP, PAGE_CSP } from '../../src/lib/site/security-headers.ts';

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
const nginx = /```nginx\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

describe('the README\'s nginx example says what the headers module says', () => {
  it('sends the same policies, cache rules and headers', () => {
    expect(nginx).toContain(`Content-Security-Policy "${PAGE_CSP}"`);
    expect(nginx).toContain(`Content-Security-Policy "${EMBED_CSP}"`);
    expect(nginx).toContain(`Cache-Control "${CACHE_CONTROL.immutable}"`);
    expect(nginx).toContain(`Cache-Control "${CACHE_CONTROL.revalidate}"`);
    for (const [name, value] of Object.entries(COMMON_HEADERS)) expect(nginx).toContain(`${name} "${value}"`);
  });

  it('lets other sites frame the embed pages of both languages', () => {
    const embed = /location ~ \^\/de-an-06\/\(\(\?:en\/\)\?embed\//.test(nginx);
    expect(embed).toBe(true);
  });
});

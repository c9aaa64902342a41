import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLOSSARY, avoidedWords } from '../../src/lib/i18n/glossary.ts';

const root = join(import.meta.dirname, '../..');

/** Files under `dir` whose names end with one of `exts`. */
function files(dir: string, exts: string[]): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, exts) : exts.some((ext) => name.endsWith(ext)) ? [path] : [];
  });
}

describe('the glossary', () => {
  it('names each concept in both languages', () => {
    for (const term of GLOSSARY) {
      expect(term.use.vi, term.concept).not.toBe('');
      expect(term.use.en, term.concept).not.toBe('');
    }
  });

  it('finds an avoided word whatever its case', () => {
    expect(avoidedWords('Bản phát hành mới nhất')).toEqual(['bản phát hành']);
    expect(avoidedWords('Bản cập nhật tháng 10/2025')).toEqual([]);
  });

  // Vietnamese reader-facing text: interface strings and components, stories and pages, indicator names and definitions.
  const sources = [
    ...files(join(root, 'src'), ['.ts', '.astro']).filter((path) => !path.endsWith('glossary.ts')),
    ...files(join(root, 'content'), ['.mdx', '.md']).filter((path) => !path.includes('/en/')),
    join(root, 'data/indicators.json'),
  ];
  it.each(sources.map((path) => [path.slice(root.length + 1), path]))('%s uses no avoided word', (_, path) => {
    expect(avoidedWords(readFileSync(path, 'utf8'))).toEqual([]);
  });
});

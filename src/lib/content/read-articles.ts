import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ArticleFile } from './articles.ts';

/** Reads every `articles/<lang>/*.mdx` under a content directory. Paths in issues are relative to `root`. */
export function readArticleFiles(contentDir: string, root: string = process.cwd()): ArticleFile[] {
  const base = join(contentDir, 'articles');
  if (!existsSync(base)) return [];
  return readdirSync(base, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.mdx'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
    .map((path) => ({ file: relative(root, path), text: readFileSync(path, 'utf8') }));
}

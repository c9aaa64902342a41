import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';

/**
 * Reads an MDX body the way the MDX compiler does (remark-mdx), so checks
 * before the build see every component however it is quoted or spread over
 * lines: `indicator="x"`, `indicator='x'`, `indicator={"x"}`,
 * `indicators={["x", 'y']}`. Also lists every link, for the URL rule.
 */

/** One component use: its name, its props as strings (a list for arrays), and its line in the body. */
export interface ComponentUse {
  name: string;
  props: Record<string, string | string[] | true>;
  line: number;
}

export interface MdxUses {
  components: ComponentUse[];
  links: Array<{ url: string; line: number }>;
  /** A syntax error of the body, with its line, when the MDX compiler would stop. */
  error?: { message: string; line: number };
}

interface Node {
  type: string;
  name?: string | null;
  url?: string;
  attributes?: Array<{ type: string; name?: string; value?: string | { value: string } | null }>;
  position?: { start: { line: number } };
  children?: Node[];
}

/** The string literals of a JSX expression: `["a", 'b']` → a, b; `"a"` → a. */
function literalsOf(expression: string): string[] {
  return [...expression.matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|`([^`$]*)`/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

export function mdxUses(body: string): MdxUses {
  let tree: Node;
  try {
    tree = unified().use(remarkParse).use(remarkMdx).parse(body) as unknown as Node;
  } catch (error) {
    const line = (error as { line?: number; place?: { line?: number; start?: { line?: number } } }).line ?? (error as { place?: { line?: number } }).place?.line ?? 1;
    return { components: [], links: [], error: { message: (error as Error).message.split('\n')[0]!, line } };
  }
  const components: ComponentUse[] = [];
  const links: Array<{ url: string; line: number }> = [];
  const walk = (node: Node) => {
    const line = node.position?.start.line ?? 1;
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      const props: ComponentUse['props'] = {};
      for (const attribute of node.attributes ?? []) {
        if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
        const value = attribute.value;
        if (value === null || value === undefined) props[attribute.name] = true;
        else if (typeof value === 'string') props[attribute.name] = value;
        else {
          const literals = literalsOf(value.value);
          props[attribute.name] = value.value.trim().startsWith('[') ? literals : (literals[0] ?? value.value.trim());
        }
      }
      components.push({ name: node.name, props, line });
    }
    if ((node.type === 'link' || node.type === 'definition' || node.type === 'image') && node.url !== undefined) links.push({ url: node.url, line });
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return { components, links };
}

/** Links in content may be web addresses or paths within the site; no other scheme (javascript:, data:) is rendered. */
export function isSafeContentLink(url: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim());
  if (!scheme) return true;
  return ['http', 'https', 'mailto'].includes(scheme[1]!.toLowerCase());
}

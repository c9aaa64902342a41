import type { ChartKind, ChartProps } from '../charts/spec.ts';

/** A chart placed in MDX: `<Chart …/>` or `<BigNumber …/>`, with its props and line. */
export interface ChartUsage {
  component: 'Chart' | 'BigNumber';
  props: ChartProps;
  line: number;
}

const TAG = /<(Chart|BigNumber)\b((?:[^>"{]|"[^"]*"|\{[^}]*\})*)\/?>/g;
const ATTRIBUTE = /(\w+)=(?:"([^"]*)"|\{([^}]*)\})/g;

/**
 * Reads the charts an MDX body places, so every chart of an article gets an
 * id, an embed page and downloads. Only literal props are understood
 * (strings and arrays of strings), which is all the components take.
 */
export function chartUsages(mdx: string): ChartUsage[] {
  const usages: ChartUsage[] = [];
  for (const match of mdx.matchAll(TAG)) {
    const props: Record<string, unknown> = {};
    for (const [, name, text, expression] of match[2]!.matchAll(ATTRIBUTE)) {
      if (text !== undefined) props[name!] = text;
      else if (/^\s*\[/.test(expression!)) props[name!] = [...expression!.matchAll(/"([^"]+)"|'([^']+)'/g)].map((m) => m[1] ?? m[2]!);
    }
    const line = mdx.slice(0, match.index).split('\n').length;
    const component = match[1] as 'Chart' | 'BigNumber';
    const base: ChartProps = {
      ...(typeof props.kind === 'string' ? { kind: props.kind as ChartKind } : {}),
      ...(typeof props.indicator === 'string' ? { indicator: props.indicator } : {}),
      ...(Array.isArray(props.indicators) ? { indicators: props.indicators as string[] } : {}),
      ...(typeof props.id === 'string' ? { id: props.id } : {}),
      ...(typeof props.title === 'string' ? { title: props.title } : {}),
    };
    usages.push({ component, props: component === 'BigNumber' ? { ...base, kind: 'big-number', id: base.id ?? `${base.indicator}-headline` } : base, line });
  }
  return usages;
}

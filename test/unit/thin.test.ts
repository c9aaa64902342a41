import { describe, expect, it } from 'vitest';
import { thinToColumns } from '../../src/lib/charts/thin.ts';

describe('drawing a long history at the picture\'s resolution', () => {
  const x = (p: { x: number }) => p.x;
  const y = (p: { y: number }) => p.y;

  it('keeps every point of a short history', () => {
    const points = Array.from({ length: 40 }, (_, i) => ({ x: i, y: i % 7 }));
    expect(thinToColumns(points, 10, x, y)).toEqual(points);
  });

  it('keeps, per column, the first, lowest, highest and last real point, in order', () => {
    const points = Array.from({ length: 10_000 }, (_, i) => ({ x: i, y: Math.sin(i) * 100 + (i === 5_123 ? 1_000 : 0) }));
    const kept = thinToColumns(points, 100, x, y);
    expect(kept.length).toBeLessThanOrEqual(400);
    expect(kept.every((p) => points.includes(p))).toBe(true);
    expect(kept.map((p) => p.x)).toEqual([...kept.map((p) => p.x)].sort((a, b) => a - b));
    expect(kept[0]).toBe(points[0]);
    expect(kept.at(-1)).toBe(points.at(-1));
    // The one spike is still drawn.
    expect(kept).toContain(points[5_123]);
    expect(Math.max(...kept.map(y))).toBe(Math.max(...points.map(y)));
    expect(Math.min(...kept.map(y))).toBe(Math.min(...points.map(y)));
  });
});

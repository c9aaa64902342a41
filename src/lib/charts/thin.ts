/**
 * Drawing at the picture's resolution: a line `columns` pixels wide cannot show more than a few points per pixel
 * column, so a long history is drawn from, per column, its first, lowest, highest and last point (M4). Every point
 * kept is a real figure, nothing is computed or filled, and the line looks the same; only the markup stops growing
 * with the number of figures.
 */
export function thinToColumns<T>(points: readonly T[], columns: number, x: (point: T) => number, y: (point: T) => number): T[] {
  if (points.length <= columns * 4) return [...points];
  const xs = points.map(x);
  // A loop, not Math.min(...xs): spreading 100,000 arguments overflows the stack.
  let min = Infinity;
  let max = -Infinity;
  for (const value of xs) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  const span = max - min || 1;
  const kept: T[] = [];
  let column: T[] = [];
  let columnIndex = -1;
  const flush = () => {
    if (column.length === 0) return;
    const first = column[0]!;
    const last = column.at(-1)!;
    const low = column.reduce((a, b) => (y(b) < y(a) ? b : a));
    const high = column.reduce((a, b) => (y(b) > y(a) ? b : a));
    // In the order of the column, each once.
    for (const point of column) if (point === first || point === low || point === high || point === last) kept.push(point);
    column = [];
  };
  points.forEach((point, i) => {
    const index = Math.min(columns - 1, Math.floor(((xs[i]! - min) / span) * columns));
    if (index !== columnIndex) {
      flush();
      columnIndex = index;
    }
    column.push(point);
  });
  flush();
  return kept;
}

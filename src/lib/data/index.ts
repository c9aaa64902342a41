export * from './types.ts';
export * from './errors.ts';
export { loadDataset, validateDataset } from './load.ts';
export type { DataFiles } from './load.ts';
export * from './series.ts';
export * from './releases.ts';
export { MONTH_COLUMNS } from './month-file.ts';

import { loadDataset } from '../src/lib/data/load.ts';
import { readDataDirectory } from '../src/lib/data/read-directory.ts';
import { buildSiteModel } from '../src/lib/site/model.ts';
import { chartRegistry } from '../src/lib/site/chart-registry.ts';
const model = buildSiteModel(loadDataset(readDataDirectory(process.argv[2]!)));
const reg = chartRegistry(model);
const compare = [...reg.values()].filter((c) => c.spec.kind === 'comparison');
const sets = new Map<string, string[]>();
for (const c of compare) { const k = JSON.stringify((c.spec as any).indicators); sets.set(k, [...(sets.get(k) ?? []), c.spec.id]); }
console.log('charts', reg.size, 'comparison', compare.length, 'distinct sets', sets.size);
const kinds = new Map<string, number>(); for (const c of reg.values()) kinds.set(c.spec.kind, (kinds.get(c.spec.kind) ?? 0) + 1); console.log(kinds);

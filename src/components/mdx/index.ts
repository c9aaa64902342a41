/** The components an MDX article or commentary can use without importing them. */
import Chart from '../Chart.astro';
import BigNumber from '../BigNumber.astro';
import Value from './Value.astro';
import DataTable from './DataTable.astro';
import Callout from './Callout.astro';
import Figure from './Figure.astro';
import Sparkline from '../Sparkline.astro';

export const mdxComponents = { Chart, BigNumber, Sparkline, Value, DataTable, Callout, Figure };

/**
 * Accessible charts for the console's dashboards, and the tables and CSV that go with them.
 * Pure: data in, HTML or text out.
 *
 * Every chart is a `<figure>` holding an SVG with `role="img"`, a `<title>` and a `<desc>`
 * (the desc states the figures in words), and beside it the same data as a `<table>`, which
 * is what a screen reader user reads and what the CSV export writes. Colour never carries
 * meaning alone: every bar is labelled with its value, and series are told apart by their
 * label, not their colour.
 */
import { stringify } from 'csv-stringify/sync';
import { html, type SafeHtml } from '../../web/html.ts';

/** One value of a chart: a category (a status code) or a day (YYYY-MM-DD). */
export interface Datum { readonly label: string; readonly value: number }

/** The data of one chart and its table: column names, and rows of label + value. */
export interface ChartData {
  /** Short, unique within the page: names the figure, its table and its CSV file. */
  readonly id: string;
  readonly title: string;
  /** What a row is ("Status", "Day") and what the value counts ("Ballots"). */
  readonly labelHeading: string;
  readonly valueHeading: string;
  readonly data: readonly Datum[];
  /** Whether the values add up to a meaningful total (counts do; rates do not). Default true. */
  readonly additive?: boolean;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/** A sentence that says what the chart shows, for `<desc>`: the total and each value (at most 31). */
export function describe(chart: ChartData): string {
  if (chart.data.length === 0) return `${chart.title}: no data.`;
  const total = chart.data.reduce((n, d) => n + d.value, 0);
  const shown = chart.data.slice(0, 31).map((d) => `${d.label}: ${fmt(d.value)}`).join('; ');
  const more = chart.data.length > 31 ? `; and ${chart.data.length - 31} more in the table` : '';
  return `${chart.title}. ${chart.labelHeading} by ${chart.valueHeading.toLowerCase()}${chart.additive === false ? '' : `, total ${fmt(total)}`}. ${shown}${more}.`;
}

const BAR_HEIGHT = 22;
const GAP = 6;
const LABEL_WIDTH = 150;
const VALUE_WIDTH = 70;
const WIDTH = 560;

/**
 * Horizontal bars, one per datum, each labelled with its category and its value. Suits
 * categories (statuses, channels) and short time series alike; the SVG scales to its box.
 */
export function barChartSvg(chart: ChartData): SafeHtml {
  const titleId = `${chart.id}-title`;
  const descId = `${chart.id}-desc`;
  const max = Math.max(1, ...chart.data.map((d) => d.value));
  const plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = Math.max(1, chart.data.length) * (BAR_HEIGHT + GAP) + GAP;
  const bars = chart.data.map((d, i) => {
    const y = GAP + i * (BAR_HEIGHT + GAP);
    const w = d.value === 0 ? 0 : Math.max(2, Math.round((d.value / max) * plot));
    return html`<g class="bl-chart__bar"><text x="${LABEL_WIDTH - 8}" y="${y + BAR_HEIGHT * 0.7}" text-anchor="end">${d.label}</text><rect x="${LABEL_WIDTH}" y="${y}" width="${w}" height="${BAR_HEIGHT}" fill="#005ea2"></rect><text x="${LABEL_WIDTH + w + 6}" y="${y + BAR_HEIGHT * 0.7}">${fmt(d.value)}</text></g>`;
  });
  const empty = chart.data.length === 0 ? html`<text x="${LABEL_WIDTH}" y="${BAR_HEIGHT * 0.7}">No data</text>` : '';
  return html`<svg class="bl-chart" role="img" aria-labelledby="${titleId} ${descId}" viewBox="0 0 ${WIDTH} ${height}" width="100%" font-family="Source Sans Pro Web, Helvetica, Arial, sans-serif" font-size="14" fill="#1b1b1b" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg"><title id="${titleId}">${chart.title}</title><desc id="${descId}">${describe(chart)}</desc>${bars}${empty}</svg>`;
}

/** The chart's data as a table with a caption and a total row. */
export function dataTable(chart: ChartData): SafeHtml {
  const total = chart.data.reduce((n, d) => n + d.value, 0);
  return html`<table class="usa-table usa-table--compact" id="${chart.id}-table">
<caption>${chart.title}</caption>
<thead><tr><th scope="col">${chart.labelHeading}</th><th scope="col" class="text-right">${chart.valueHeading}</th></tr></thead>
<tbody>${chart.data.map((d) => html`<tr><th scope="row">${d.label}</th><td class="text-right">${fmt(d.value)}</td></tr>`)}</tbody>
${chart.additive === false ? '' : html`<tfoot><tr><th scope="row">Total</th><td class="text-right">${fmt(total)}</td></tr></tfoot>`}
</table>`;
}

/** The figure (chart), the table beside it and a link to its CSV. */
export function chartFigure(chart: ChartData, csvHref: string): SafeHtml {
  return html`<section class="bl-chart-block" aria-labelledby="${chart.id}-heading">
<h2 id="${chart.id}-heading">${chart.title}</h2>
<div class="grid-row grid-gap">
<figure class="tablet:grid-col-7 margin-x-0 margin-top-0 bl-chart-figure">${barChartSvg(chart)}<figcaption>${chart.title} (the table beside it has the same figures)</figcaption></figure>
<div class="tablet:grid-col-5">${dataTable(chart)}<p><a class="usa-link" href="${csvHref}" download>Download ${chart.title} as CSV</a></p></div>
</div>
</section>`;
}

/**
 * CSV of a table, RFC 4180. A value that a spreadsheet would run as a formula (starting with
 * = + - @, tab or carriage return) is prefixed with an apostrophe (OWASP "CSV injection").
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return stringify([header.map(csvSafe), ...rows.map((r) => r.map((v) => (typeof v === 'string' ? csvSafe(v) : v)))], { eof: true, record_delimiter: '\r\n' });
}

export function csvSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A chart's table as CSV. */
export function chartCsv(chart: ChartData): string {
  return toCsv([chart.labelHeading, chart.valueHeading], chart.data.map((d) => [d.label, d.value]));
}

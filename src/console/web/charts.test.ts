import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { barChartSvg, chartCsv, chartFigure, csvSafe, dataTable, describe, toCsv, type ChartData } from './charts.ts';

const chart: ChartData = {
  id: 'ballots-by-status', title: 'Ballots by status', labelHeading: 'Status', valueHeading: 'Ballots',
  data: [{ label: 'ISSUED', value: 1200 }, { label: 'ACCEPTED', value: 300 }, { label: '<b>x</b>', value: 0 }],
};

test('the SVG is an image with a title and a description that states every figure; labels and values are text, not colour', () => {
  const svg = barChartSvg(chart).value;
  assert.match(svg, /^<svg class="bl-chart" role="img" aria-labelledby="ballots-by-status-title ballots-by-status-desc"/);
  assert.match(svg, /<title id="ballots-by-status-title">Ballots by status<\/title>/);
  const desc = /<desc id="ballots-by-status-desc">([^<]*)<\/desc>/.exec(svg)![1]!;
  assert.equal(desc, 'Ballots by status. Status by ballots, total 1,500. ISSUED: 1,200; ACCEPTED: 300; &lt;b&gt;x&lt;/b&gt;: 0.');
  assert.equal((svg.match(/<rect /g) ?? []).length, 3, 'one bar per datum');
  for (const v of ['1,200', '300']) assert.match(svg, new RegExp(`>${v}</text>`), 'each bar carries its value as text');
  assert.ok(!svg.includes('<b>'), 'labels are escaped');
  const widths = [...svg.matchAll(/<rect [^>]*width="(\d+)"/g)].map((m) => Number(m[1]));
  assert.ok(widths[0]! > widths[1]! && widths[1]! > 0 && widths[2] === 0, 'bar lengths follow the values');
});

test('rates have no total', () => {
  const rates: ChartData = { ...chart, additive: false, data: [{ label: 'sms', value: 33.3 }, { label: 'email', value: 100 }] };
  assert.ok(!dataTable(rates).value.includes('Total'));
  assert.equal(describe(rates), 'Ballots by status. Status by ballots. sms: 33.3; email: 100.');
});

test('an empty chart says so', () => {
  const empty = { ...chart, data: [] };
  assert.equal(describe(empty), 'Ballots by status: no data.');
  assert.match(barChartSvg(empty).value, />No data<\/text>/);
});

test('the table beside the chart holds the same figures, with a caption and a total', () => {
  const table = dataTable(chart).value;
  assert.match(table, /<caption>Ballots by status<\/caption>/);
  const rows = [...table.matchAll(/<tr><th scope="row">([^<]*)<\/th><td class="text-right">([^<]*)<\/td><\/tr>/g)].map((m) => [m[1], m[2]]);
  assert.deepEqual(rows, [['ISSUED', '1,200'], ['ACCEPTED', '300'], ['&lt;b&gt;x&lt;/b&gt;', '0'], ['Total', '1,500']]);
  const figure = chartFigure(chart, '/console/dashboards/ballots-by-status.csv?election=G1').value;
  assert.match(figure, /<figure [^>]*><svg[\s\S]*<figcaption>/);
  assert.match(figure, /href="\/console\/dashboards\/ballots-by-status.csv\?election=G1" download/);
});

test('CSV export: the table as RFC 4180 rows; formulas are defused', () => {
  const csv = chartCsv(chart);
  assert.deepEqual(parse(csv), [['Status', 'Ballots'], ['ISSUED', '1200'], ['ACCEPTED', '300'], ['<b>x</b>', '0']]);
  assert.ok(csv.endsWith('\r\n'));
  assert.deepEqual(parse(toCsv(['a', 'b'], [['=SUM(A1)', 'x, "y"'], ['-1+2', -3]])), [['a', 'b'], ["'=SUM(A1)", 'x, "y"'], ["'-1+2", '-3']]);
  for (const [v, out] of [['@x', "'@x"], ['+1', "'+1"], ['plain', 'plain'], ['2026-10-01', '2026-10-01']]) assert.equal(csvSafe(v!), out);
});

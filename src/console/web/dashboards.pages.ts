/**
 * Dashboards: per election and county (a county member: its counties, one or all of them; a
 * state admin: any county or all), the figures of ../reports.repository.ts as accessible SVG
 * charts with their data table beside them, each table downloadable as CSV.
 */
import { AppError } from '../../errors.ts';
import { html } from '../../web/html.ts';
import type { Runtime } from '../../runtime.ts';
import * as reports from '../reports.repository.ts';
import { assertCountyAccess, countyScope, type Staff } from '../roles.ts';
import { chartCsv, chartFigure, type ChartData } from './charts.ts';
import type { ConsolePage, ConsolePageContext, ConsolePageModule } from './frame.ts';
import { queryValue, selectInput } from './forms.ts';

export const DASHBOARD_PATHS = {
  page: '/console/dashboards',
  csv: (table: string, query: string): string => `/console/dashboards/${table}.csv${query}`,
} as const;

export const DASHBOARD_TABLES = ['ballots-by-status', 'returns-per-day', 'signups-per-day', 'optouts-per-day', 'messages-by-channel-status', 'failure-rates'] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];
const isTable = (v: string): v is DashboardTable => (DASHBOARD_TABLES as readonly string[]).includes(v);

/** The counties a dashboard covers: `county` ('' for all the member may see), checked against the member's scope. */
export function dashboardCounties(staff: Pick<Staff, 'role' | 'countyCodes'>, county: string): readonly string[] | null {
  if (county === '') return countyScope(staff);
  assertCountyAccess(staff, county);
  return [county];
}

/** Every table of the dashboard of one election over `counties`. */
export async function dashboardCharts(rt: Pick<Runtime, 'db' | 'profile'>, electionId: string, counties: readonly string[] | null): Promise<ChartData[]> {
  const db = rt.db.pool;
  const s: reports.ReportScope = { electionId, counties, timeZone: rt.profile.timeZone };
  const messages = await reports.messagesByChannelStatus(db, s);
  const rates = reports.failureRates(messages);
  return [
    { id: 'ballots-by-status', title: 'Ballots by status', labelHeading: 'Status', valueHeading: 'Ballots', data: await reports.ballotsByStatus(db, s) },
    { id: 'returns-per-day', title: 'Returned ballots per day', labelHeading: 'Day', valueHeading: 'Ballots returned', data: await reports.returnsPerDay(db, s) },
    { id: 'signups-per-day', title: 'Sign-ups per day', labelHeading: 'Day', valueHeading: 'Sign-ups', data: await reports.signupsPerDay(db, s) },
    { id: 'optouts-per-day', title: 'Opt-outs per day', labelHeading: 'Day', valueHeading: 'Opt-outs', data: await reports.optOutsPerDay(db, s) },
    { id: 'messages-by-channel-status', title: 'Messages by channel and delivery status', labelHeading: 'Channel and status', valueHeading: 'Messages', data: messages.map((m) => ({ label: `${m.channel} ${m.status}`, value: m.value })) },
    { id: 'failure-rates', title: 'Failed messages by channel (percent)', labelHeading: 'Channel', valueHeading: 'Failed (%)', data: rates.map((r) => ({ label: `${r.channel} (${r.failed} of ${r.finished})`, value: Math.round(r.rate * 1000) / 10 })), additive: false },
  ];
}

interface Selection { electionId: string; county: string; counties: readonly string[] | null }

async function selection(ctx: ConsolePageContext): Promise<Selection | null> {
  const elections = await reports.electionChoices(ctx.rt.db.pool);
  const wanted = queryValue(ctx.query, 'election');
  const election = wanted === '' ? elections[0] : elections.find((e) => e.id === wanted);
  if (!election) {
    if (wanted !== '') throw new AppError(404, 'not_found', `no election ${wanted}`);
    return null;
  }
  const county = queryValue(ctx.query, 'county');
  return { electionId: election.id, county, counties: dashboardCounties(ctx.staff, county) };
}

async function dashboardPage(ctx: ConsolePageContext): Promise<ConsolePage> {
  const sel = await selection(ctx);
  if (!sel) return { title: 'Dashboards', nav: 'dashboards', main: html`<p>No election yet: create one first.</p>` };
  const elections = await reports.electionChoices(ctx.rt.db.pool);
  const scope = countyScope(ctx.staff);
  const counties = ctx.rt.profile.counties.filter((c) => scope === null || scope.includes(c.code));
  const charts = await dashboardCharts(ctx.rt, sel.electionId, sel.counties);
  const query = `?election=${encodeURIComponent(sel.electionId)}&county=${encodeURIComponent(sel.county)}`;
  const where = sel.county === '' ? (scope === null ? 'all counties' : `your counties (${scope.join(', ')})`) : `county ${sel.county}`;
  return {
    title: 'Dashboards',
    nav: 'dashboards',
    main: html`<form class="usa-form bl-console-filters" method="get" action="${DASHBOARD_PATHS.page}">
${selectInput(ctx, { id: 'election', label: 'Election', options: elections.map((e) => ({ value: e.id, label: `${e.name} (${e.electionDate})`, selected: e.id === sel.electionId })) })}
${selectInput(ctx, { id: 'county', label: 'County', options: [{ value: '', label: scope === null ? 'All counties' : 'All my counties', selected: sel.county === '' }, ...counties.map((c) => ({ value: c.code, label: `${c.name} (${c.code})`, selected: c.code === sel.county }))] })}
<button class="usa-button usa-button--outline" type="submit">Show</button>
</form>
<p>Election ${sel.electionId}, ${where}. Days are in the state's time zone (${ctx.rt.profile.timeZone}). Each chart's figures are in the table beside it.</p>
${charts.map((c) => chartFigure(c, DASHBOARD_PATHS.csv(c.id, query)))}`,
  };
}

export const dashboardsPages: ConsolePageModule = (pages) => {
  pages.nav({ id: 'dashboards', href: DASHBOARD_PATHS.page, label: 'Dashboards', description: 'Ballots by status, returns, sign-ups and opt-outs, messages and failures, per election and county.', anyOf: ['reports.view'], order: 50 });
  pages.get(DASHBOARD_PATHS.page, { anyOf: ['reports.view'] }, async (ctx) => dashboardPage(ctx));
  pages.get('/console/dashboards/:table', { anyOf: ['reports.view'] }, async (ctx, req, reply) => {
    const name = String((req.params as { table?: string }).table ?? '').replace(/\.csv$/, '');
    if (!isTable(name)) throw new AppError(404, 'not_found', 'No such table');
    const sel = await selection(ctx);
    if (!sel) throw new AppError(404, 'not_found', 'No election yet');
    const chart = (await dashboardCharts(ctx.rt, sel.electionId, sel.counties)).find((c) => c.id === name)!;
    const file = `${sel.electionId}-${sel.county || 'all'}-${name}.csv`.replace(/[^A-Za-z0-9._-]/g, '_');
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file}"`).send(chartCsv(chart));
  });
};

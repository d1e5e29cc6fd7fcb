/**
 * My ballot (DESIGN §2.4–2.5): for each current election, the voter's ballot — a reissue shows
 * the newest first — with its status now, a timeline of everything that happened (issued,
 * mailed, USPS scans, returned, received, decision) and what each step means. When the county
 * needs something ("Contact county": NVS, NMS, NID, INF), what to do, by when, the county's own
 * instructions and its contacts. Always the county elections office's contacts at the end.
 *
 * "Current" elections: those whose tracking window has not closed (election day + the profile's
 * days after, in the state's time zone) — the same elections messages are sent for.
 *
 * The hot path of the portal under load (bench/portal.ts): two statements — the session check,
 * then one read of the voter, ballots, status history and scans (my-ballot.repository.ts) that
 * the domain's pure buildTimeline() turns into timelines; county contacts are cached for a
 * minute per process (staff edits show within a minute).
 */
import type { Runtime } from '../../runtime.ts';
import { getCountyContacts, type CountyContacts } from '../../elections/elections.service.ts';
import { buildTimeline, type BallotTimeline, type TimelineEntry } from '../../mailtracking/timeline.ts';
import { html, type SafeHtml } from '../html.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import type { PortalModule } from '../portal.routes.ts';
import { pageContext, sendPage, type PageContext } from './context.ts';
import { PORTAL_PATHS, telHref } from './paths.ts';
import { clearVoterSession, requireVoter, signedInVoter, takeNotices } from './voter-session.ts';
import { noticeAlerts } from './notices.view.ts';
import { readMyBallots, type MyBallotRows } from './my-ballot.repository.ts';

export const myBallotPages: PortalModule = (portal, rt) => {
  const counties = countyCache(rt);
  portal.get(PORTAL_PATHS.myBallot, { preHandler: requireVoter(rt) }, async (req, reply) => {
    const ctx = pageContext(req);
    const { session } = signedInVoter(req);
    const fromDate = addDays(todayIn(rt.profile.timeZone, ctx.now), -rt.profile.trackingWindow.daysAfter);
    const data = await readMyBallots(rt.db.pool, session.voterId, fromDate);
    if (!data) {
      clearVoterSession(reply, rt.config);
      return reply.redirect(PORTAL_PATHS.logIn, 303);
    }
    const county = await counties(data.voter.countyCode);
    const notices = takeNotices(req, reply, rt.config);
    const elections = data.elections.map((e) => ({
      ...e, ballots: e.ballots.map((b) => buildTimeline(b.ballot, b.statuses, b.scans, rt.profile.timeZone)),
    }));
    const main = myBallotPage(ctx, { voter: data.voter, elections, county, notices });
    return sendPage(reply, ctx, { title: ctx.t('ballot.title'), main, nav: 'myBallot', personal: true, signedIn: true });
  });
};

/** County contacts, read at most once a minute per county and process; a failed read is not kept (the page then links the list of county offices). */
function countyCache(rt: Runtime): (code: string) => Promise<CountyContacts | null> {
  const cache = new Map<string, { at: number; value: Promise<CountyContacts | null> }>();
  return (code) => {
    const now = rt.clock.now().getTime();
    const hit = cache.get(code);
    if (hit && now - hit.at < 60_000 && now >= hit.at) return hit.value;
    const value = getCountyContacts(rt, code).catch(() => {
      cache.delete(code);
      return null;
    });
    cache.set(code, { at: now, value });
    return value;
  };
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
function todayIn(timeZone: string, now: Date): string {
  let f = dayFormats.get(timeZone);
  if (!f) dayFormats.set(timeZone, f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }));
  return f.format(now);
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------- rendering

interface ElectionTimelines { electionId: string; electionName: string; electionDate: string; ballots: readonly BallotTimeline[] }

interface MyBallotData {
  voter: MyBallotRows['voter'];
  /** Current elections, newest first; in each, the newest ballot first. */
  elections: readonly ElectionTimelines[];
  county: CountyContacts | null;
  notices: Parameters<typeof noticeAlerts>[1];
}

/** A calendar day (YYYY-MM-DD) in the reader's language. */
const dayText = (ctx: PageContext, day: string): string => ctx.date(new Date(`${day}T12:00:00Z`), { dateStyle: 'long' });

function myBallotPage(ctx: PageContext, d: MyBallotData): SafeHtml {
  const { t } = ctx;
  const name = `${d.voter.firstName} ${d.voter.lastName}`;
  const countyName = d.county?.name ?? d.voter.countyName;
  return html`${noticeAlerts(ctx, d.notices)}
<h1>${t('ballot.title')}</h1>
<p class="usa-intro">${t('ballot.for', { name, county: countyName })}</p>
${d.elections.length === 0 ? html`<div class="usa-summary-box margin-top-3"><div class="usa-summary-box__body">
<h2 class="usa-summary-box__heading">${t('ballot.none')}</h2>
<div class="usa-summary-box__text"><p>${t('ballot.noneBody')}</p></div>
</div></div>` : d.elections.map((e, i) => electionSection(ctx, e, i, d.county))}
${contactSection(ctx, d.county, countyName)}`;
}

function electionSection(ctx: PageContext, e: ElectionTimelines, index: number, county: CountyContacts | null): SafeHtml {
  const { t } = ctx;
  const several = e.ballots.length > 1;
  return html`<section class="bl-section bl-election" aria-labelledby="election-${index}">
<h2 id="election-${index}">${e.electionName}</h2>
<p>${t('ballot.electionDay', { date: dayText(ctx, e.electionDate) })}</p>
${several ? html`<div class="usa-alert usa-alert--info usa-alert--slim margin-bottom-2"><div class="usa-alert__body"><p class="usa-alert__text">${t('ballot.reissuedNote')}</p></div></div>` : ''}
${e.ballots.map((b, j) => {
    const entries = b.entries;
    const heading = several ? html`<h3>${t(j === 0 ? 'ballot.newest' : 'ballot.replaced')}</h3>` : '';
    return html`<div class="bl-ballot">
${heading}
${statusBox(ctx, entries, county)}
${several ? html`<p class="text-bold">${t('ballot.timelineTitle')}</p>` : html`<h3>${t('ballot.timelineTitle')}</h3>`}
${entries.length === 0 ? html`<p>${t('ballot.noUpdates')}</p>` : html`<ol class="usa-process-list bl-timeline">
${entries.map((entry) => timelineItem(ctx, entry))}</ol>`}
</div>`;
  })}
</section>`;
}

/** The status now: the newest entry; for "Contact county", what to do, by when and whom to call. */
function statusBox(ctx: PageContext, entries: readonly TimelineEntry[], county: CountyContacts | null): SafeHtml {
  const { t } = ctx;
  const latest = entries.at(-1);
  if (!latest) return html``;
  if (latest.kind === 'action_needed') {
    const deadline = latest.cureDeadline;
    return html`<div class="usa-alert usa-alert--warning bl-action margin-y-2"><div class="usa-alert__body">
<p class="usa-alert__heading text-bold">${t('ballot.actionTitle')}</p>
<p class="usa-alert__text">${reasonText(ctx, latest.statusCode) ?? t('timeline.action_needed')}</p>
<p class="usa-alert__text"><strong>${deadline ? t('ballot.actionBy', { date: dayText(ctx, deadline) }) : t('ballot.actionNoDeadline')}</strong></p>
${county?.cureInstructions ? html`<p class="usa-alert__text">${t('ballot.countyInstructions')}</p><p class="usa-alert__text bl-county-text">${county.cureInstructions}</p>` : ''}
${county ? html`<p class="usa-alert__text">${contactLine(ctx, county)}</p>` : ''}
</div></div>`;
  }
  const reason = latest.kind === 'decided' ? reasonText(ctx, latest.statusCode) : null;
  return html`<div class="usa-summary-box margin-y-2"><div class="usa-summary-box__body">
<p class="usa-summary-box__heading">${t('ballot.currentStatus', { status: entryLabel(ctx, latest) })}</p>
<div class="usa-summary-box__text"><p>${entryText(ctx, latest)}</p>${reason ? html`<p>${reason}</p>` : ''}</div>
</div></div>`;
}

function timelineItem(ctx: PageContext, e: TimelineEntry): SafeHtml {
  const { t } = ctx;
  const when = e.dateOnly
    ? dayText(ctx, e.day)
    : ctx.date(new Date(e.at), { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
  const place = e.kind === 'scan' ? [e.facility?.city, e.facility?.state].filter(Boolean).join(', ') || e.facility?.zip : null;
  const reason = e.kind === 'decided' || e.kind === 'action_needed' ? reasonText(ctx, e.statusCode) : null;
  return html`<li class="usa-process-list__item">
<h4 class="usa-process-list__heading">${entryLabel(ctx, e)}</h4>
<p class="margin-top-05 text-base-dark"><time datetime="${e.dateOnly ? e.day : e.at}">${when}</time></p>
<p>${entryText(ctx, e)}</p>
${reason ? html`<p>${reason}</p>` : ''}
${e.cureDeadline ? html`<p><strong>${t('timeline.action_needed.deadline', { date: dayText(ctx, e.cureDeadline) })}</strong></p>` : ''}
${place ? html`<p class="text-base-dark">${t('timeline.scan.facility', { place })}</p>` : ''}
${e.inferred ? html`<p class="text-base-dark">${t('timeline.scan.inferred')}</p>` : ''}
</li>
`;
}

/** Timeline keys the catalog has (timeline.ts TIMELINE_TEXT_EN, in ten languages). */
const ENTRY_TEXT: ReadonlySet<string> = new Set([
  'timeline.issued', 'timeline.mailed', 'timeline.received', 'timeline.action_needed', 'timeline.decided.accepted', 'timeline.decided.not_accepted',
  'timeline.undeliverable', 'timeline.in_person', 'timeline.status.other',
  ...['outbound', 'inbound'].flatMap((d) => ['accepted', 'origin', 'processed', 'destination', 'delivery'].map((m) => `timeline.scan.${d}.${m}`)),
]);

/** What the step means, in the reader's language. */
function entryText(ctx: PageContext, e: TimelineEntry): string {
  return ctx.t((ENTRY_TEXT.has(e.key) ? e.key : 'timeline.status.other') as MessageKey);
}

function entryLabel(ctx: PageContext, e: TimelineEntry): string {
  const { t } = ctx;
  switch (e.kind) {
    case 'issued': return t('timeline.label.issued');
    case 'mailed': return t('timeline.label.mailed');
    case 'scan': return t(e.direction === 'inbound' ? 'timeline.label.scanInbound' : 'timeline.label.scanOutbound');
    case 'received': return t('timeline.label.received');
    case 'action_needed': return t('timeline.label.actionNeeded');
    case 'decided': return t(e.key === 'timeline.decided.accepted' ? 'timeline.label.accepted' : 'timeline.label.notAccepted');
    case 'undeliverable': return t('timeline.label.undeliverable');
    case 'in_person': return t('timeline.label.inPerson');
    default: return t('timeline.label.other');
  }
}

const REASONS: Readonly<Record<string, MessageKey>> = {
  NVS: 'reason.NVS', NMS: 'reason.NMS', NID: 'reason.NID', INF: 'reason.INF', VAV: 'reason.VAV', BME: 'reason.BME', VDD: 'reason.VDD',
  MIA: 'reason.MIA', MRE: 'reason.MRE', NOT: 'reason.NOT', OTH: 'reason.OTH', CLD: 'reason.CLD',
};
/** Why the county decided as it did, or what it needs: one plain sentence per status code. */
const reasonText = (ctx: PageContext, code: string | undefined): string | null => (code && REASONS[code] ? ctx.t(REASONS[code]) : null);

const isWebUrl = (s: string): boolean => /^https?:\/\/[^\s"'<>]+$/i.test(s);

/** The county's phone, email and website on one line (for the "action needed" box). */
function contactLine(ctx: PageContext, c: CountyContacts): SafeHtml {
  const parts: SafeHtml[] = [];
  if (c.phone) parts.push(html`${ctx.t('ballot.contactPhone')} <a href="${telHref(c.phone)}">${c.phone}</a>`);
  if (c.email) parts.push(html`${ctx.t('ballot.contactEmail')} <a href="mailto:${c.email}">${c.email}</a>`);
  if (c.website && isWebUrl(c.website)) parts.push(html`${ctx.t('ballot.contactWebsite')} <a href="${c.website}">${c.website}</a>`);
  return html`${parts.map((p, i) => html`${i > 0 ? html`<br>` : ''}${p}`)}`;
}

function contactSection(ctx: PageContext, c: CountyContacts | null, countyName: string): SafeHtml {
  const { t, th } = ctx;
  const offices = (text: SafeHtml) => html`<a href="${ctx.profile.helpDesk.countyOfficesUrl}">${text}</a>`;
  const rows: SafeHtml[] = [];
  if (c?.phone) rows.push(html`<li>${t('ballot.contactPhone')} <a href="${telHref(c.phone)}">${c.phone}</a></li>`);
  if (c?.email) rows.push(html`<li>${t('ballot.contactEmail')} <a href="mailto:${c.email}">${c.email}</a></li>`);
  if (c?.website && isWebUrl(c.website)) rows.push(html`<li>${t('ballot.contactWebsite')} <a href="${c.website}">${c.website}</a></li>`);
  if (c?.address) rows.push(html`<li>${t('ballot.contactAddress')} ${c.address}</li>`);
  return html`<section class="bl-section" aria-labelledby="contact-county">
<h2 id="contact-county">${t('ballot.contactTitle', { county: countyName })}</h2>
<p>${t('ballot.contactWhy')}</p>
${rows.length > 0 ? html`<ul class="usa-list usa-list--unstyled bl-contacts">${rows}</ul>` : ''}
<p>${th('ballot.contactFallback', { link: offices })}</p>
</section>`;
}

/**
 * Voter assistance (`voters.view`, `voters.assist`), always inside the member's counties:
 * - find a voter by voter ID, or by name, date of birth and ZIP;
 * - "why does sign-up fail?": type what the voter typed; the page runs the sign-up's own
 *   parsing and matching (subscriptions/matching.ts) over the records of the member's counties
 *   and says why: a typing problem, no record, which field differs from a near record, twins
 *   (voter ID needed), an inactive/cancelled/pending record, or a confidential one (said as
 *   such, nothing else shown). Records of other counties are never read;
 * - the voter page: registry record, subscription and consent history, ballot timelines, and
 *   every message with its delivery status;
 * - at the voter's request: change preferences (channels, language, hours), resend a
 *   confirmation, opt out of one channel or all — through the subscriptions service with the
 *   consent source `county_staff` and the staff member's id as consent actor, and an audit entry.
 * Every view of a voter's data writes `voter.viewed`; every change `voter.changed`.
 */
import type { FastifyReply } from 'fastify';
import { AppError } from '../../errors.ts';
import { CHANNELS, LANGUAGES, type Channel } from '../../persisted.ts';
import { QUEUES, sendInTx } from '../../queue.ts';
import { html, type SafeHtml } from '../../web/html.ts';
import { LANGUAGE_NAMES } from '../../web/i18n/catalog.ts';
import { matchIdentity, normalizeVoterId, parseIdentity, type ParsedIdentity } from '../../subscriptions/matching.ts';
import { normalizeName, normalizeZip, parseDob } from '../../registry/normalize.ts';
import * as subscriptions from '../../subscriptions/subscriptions.service.ts';
import { voterTimelines } from '../../mailtracking/timeline.service.ts';
import { timelineEntryEnglish } from '../../mailtracking/timeline.ts';
import { listMessages } from '../../notifications/messages.repository.ts';
import { audit, auditVoterChange, auditVoterView } from '../audit.ts';
import { countyScope, hasPermission } from '../roles.ts';
import { csrfField, seeOther, type ConsolePage, type ConsolePageContext, type ConsolePageModule } from './frame.ts';
import { buttonForm, dateInput, errorFor, errorSummary, field, postForm, queryValue, selectInput, serviceProblems, textInput, type FieldError } from './forms.ts';
import * as repo from './assistance.repository.ts';
import { todayInState, when } from './view.ts';

const BASE = '/console/voters';
const CHECK = `${BASE}/sign-up-check`;
const VOTER_ID = /^[A-Za-z0-9_-]{1,64}$/;
const CHANNEL_LABEL: Record<Channel, string> = { sms: 'Text (SMS)', email: 'Email', voice: 'Voice call' };
const STATUS_TEXT: Record<string, string> = {
  ACTIVE: 'Active',
  INACTIVE: 'Inactive: the voter must contact the county elections office to update the registration before signing up.',
  CANCELLED: 'Cancelled: the registration is no longer valid; the voter must register again.',
  PENDING: 'Pending: the registration is not complete yet; the county must finish it before the voter can sign up.',
};
const CONFIDENTIAL = 'Confidential — cannot use the service.';

const voterNotFound = (): AppError => new AppError(404, 'not_found', 'No such voter in your counties');

/** The subscriptions service acts on a voter by id; staff act without a voter session. */
const staffSession = (voterId: string, now: Date): subscriptions.VoterSession => ({ voterId, tokenHash: 'county-staff', expiresAt: now });

/** MM-DD-YYYY (as voters type it) shown for a record's YYYY-MM-DD. */
const usDate = (iso: string | null): string => (iso ? `${iso.slice(5, 7)}-${iso.slice(8, 10)}-${iso.slice(0, 4)}` : '');
const fullName = (r: repo.VoterRecord): string => [r.firstName, r.middleName, r.lastName, r.suffix].filter(Boolean).join(' ');

interface CheckValues { firstName: string; lastName: string; dob: string; zip: string; voterId: string }

export const assistancePages: ConsolePageModule = (pages) => {
  const { rt } = pages;
  pages.nav({ id: 'voters', href: BASE, label: 'Voters', description: 'Find a voter, see why a sign-up fails, and change preferences or opt out at the voter\u2019s request.', anyOf: ['voters.view'], order: 10 });

  /** A voter of the member's counties, or 404 (another county's voter is never confirmed to exist). */
  const voterOr404 = async (ctx: ConsolePageContext, voterId: string | undefined): Promise<repo.VoterRecord> => {
    if (!voterId || !VOTER_ID.test(voterId)) throw voterNotFound();
    const v = await repo.findVoter(rt.db.pool, voterId, countyScope(ctx.staff));
    if (!v) throw voterNotFound();
    return v;
  };

  // --- find ---------------------------------------------------------------------------------

  // By voter ID with GET (the voter page's URL has it anyway); by name, date of birth and ZIP
  // with POST, so that they stay out of URLs and access logs.
  pages.get(BASE, { anyOf: ['voters.view'] }, async (ctx, _req, reply) =>
    findPage(ctx, reply, { voterId: queryValue(ctx.query, 'voterId', 64), first: '', last: '', dob: '', zip: '' }));
  pages.post(BASE, { anyOf: ['voters.view'] }, async (ctx, req, reply) =>
    findPage(ctx, reply, { voterId: '', first: field(req.body, 'first', 100), last: field(req.body, 'last', 100), dob: field(req.body, 'dob', 10), zip: field(req.body, 'zip', 10) }));

  async function findPage(ctx: ConsolePageContext, reply: FastifyReply, q: { voterId: string; first: string; last: string; dob: string; zip: string }): Promise<ConsolePage | FastifyReply> {
    const errors: FieldError[] = [];
    let results: repo.VoterRecord[] | null = null;
    const scope = countyScope(ctx.staff);
    if (q.voterId) {
      const v = VOTER_ID.test(q.voterId) ? await repo.findVoter(rt.db.pool, q.voterId, scope) : null;
      if (v) return seeOther(reply, ctx, `${BASE}/${encodeURIComponent(v.voterId)}`);
      errors.push({ field: 'voterId', message: 'No voter with this voter ID in your counties' });
    } else if (q.first || q.last || q.dob || q.zip) {
      const today = todayInState(ctx);
      const dob = q.dob ? parseDob(q.dob, today) : null;
      const zip = q.zip ? normalizeZip(q.zip) : null;
      if (dob && 'error' in dob) errors.push({ field: 'dob', message: 'Enter the date of birth as MM-DD-YYYY' });
      if (zip && 'error' in zip) errors.push({ field: 'zip', message: 'Enter a 5-digit ZIP code' });
      const given = [q.first, q.last, q.dob, q.zip].filter(Boolean).length;
      if (!q.last || given < 2) errors.push({ field: 'last', message: 'Enter the last name and at least one more of first name, date of birth, ZIP' });
      if (errors.length === 0) {
        results = await repo.searchVoters(rt.db.pool, {
          ...(q.first ? { firstKey: normalizeName(q.first) } : {}), lastKey: normalizeName(q.last),
          ...(dob && 'dob' in dob ? { dob: dob.dob } : {}), ...(zip && 'zip5' in zip ? { zip5: zip.zip5 } : {}),
        }, scope);
        for (const r of results) await auditVoterView(rt.db.pool, ctx.staff, r.voterId, 'search result');
      }
    }
    return {
      title: 'Voters',
      nav: 'voters',
      hasErrors: errors.length > 0,
      status: errors.length > 0 ? 400 : 200,
      main: html`${errorSummary(ctx, errors)}
<p><a class="usa-button usa-button--outline" href="${CHECK}">Why does a sign-up fail?</a></p>
<h2>Find by voter ID</h2>
<form class="usa-form" method="get" action="${BASE}">
${textInput(ctx, { id: 'voterId', label: 'Voter ID', spellcheck: false, width: 'lg', value: q.voterId, error: errorFor(errors, 'voterId') })}
<button class="usa-button" type="submit">Find</button>
</form>
<h2>Find by name, date of birth, ZIP</h2>
<form class="usa-form bl-console-filters" method="post" action="${BASE}">
${csrfField(ctx)}
${textInput(ctx, { id: 'first', label: 'First name', spellcheck: false, value: q.first })}
${textInput(ctx, { id: 'last', label: 'Last name', spellcheck: false, value: q.last, error: errorFor(errors, 'last') })}
${dateInput(ctx, { id: 'dob', label: 'Date of birth', value: q.dob, error: errorFor(errors, 'dob') })}
${textInput(ctx, { id: 'zip', label: 'ZIP code', width: 'sm', inputmode: 'numeric', value: q.zip, error: errorFor(errors, 'zip') })}
<button class="usa-button" type="submit">Search</button>
</form>
${results ? html`<table class="usa-table usa-table--borderless bl-console-table">
<caption>${results.length} voter${results.length === 1 ? '' : 's'} in your counties</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Voter ID</th><th scope="col">Date of birth</th><th scope="col">ZIP</th><th scope="col">County</th><th scope="col">Status</th></tr></thead>
<tbody>${results.map((r) => html`<tr><th scope="row"><a href="${BASE}/${r.voterId}">${fullName(r)}</a></th><td>${r.voterId}</td><td>${usDate(r.dob)}</td><td>${r.zip}</td><td>${r.countyName}</td><td>${r.status}</td></tr>`)}</tbody>
</table>` : ''}`,
    };
  }

  // --- sign-up check -----------------------------------------------------------------------------

  const checkForm = (ctx: ConsolePageContext, v: CheckValues, errors: readonly FieldError[], result?: SafeHtml): ConsolePage => ({
    title: 'Why does a sign-up fail?',
    nav: 'voters',
    hasErrors: errors.length > 0,
    status: errors.length > 0 ? 400 : 200,
    breadcrumbs: [[BASE, 'Voters']],
    main: html`${errorSummary(ctx, errors)}
${result ?? ''}
<p>Type exactly what the voter typed on the sign-up page. Only the records of your counties are compared.</p>
${postForm(ctx, {
    action: CHECK,
    submitLabel: 'Check',
    body: html`${textInput(ctx, { id: 'first-name', name: 'firstName', label: 'First name', spellcheck: false, value: v.firstName, error: errorFor(errors, 'first-name') })}
${textInput(ctx, { id: 'last-name', name: 'lastName', label: 'Last name', spellcheck: false, value: v.lastName, error: errorFor(errors, 'last-name') })}
${dateInput(ctx, { id: 'dob', label: 'Date of birth', value: v.dob, error: errorFor(errors, 'dob') })}
${textInput(ctx, { id: 'zip', label: 'ZIP code of the residential address', width: 'sm', inputmode: 'numeric', value: v.zip, error: errorFor(errors, 'zip') })}
${textInput(ctx, { id: 'voter-id', name: 'voterId', label: 'Voter ID', optionalLabel: '(if the voter typed one)', spellcheck: false, value: v.voterId, error: errorFor(errors, 'voter-id') })}`,
  })}`,
  });

  pages.get(CHECK, { anyOf: ['voters.view'] }, async (ctx) => checkForm(ctx, { firstName: '', lastName: '', dob: '', zip: '', voterId: '' }, []));

  // POST, so that what the voter typed stays out of URLs and access logs.
  pages.post(CHECK, { anyOf: ['voters.view'] }, async (ctx, req) => {
    const v: CheckValues = { firstName: field(req.body, 'firstName', 400), lastName: field(req.body, 'lastName', 400), dob: field(req.body, 'dob', 20), zip: field(req.body, 'zip', 20), voterId: field(req.body, 'voterId', 64) };
    const today = todayInState(ctx);
    const parsed = parseIdentity(v, today);
    if (!parsed.ok) {
      const errors = serviceProblems(ctx, parsed.errors);
      return checkForm(ctx, v, errors, html`<div class="usa-alert usa-alert--warning" role="status"><div class="usa-alert__body"><h2 class="usa-alert__heading">The sign-up page refuses what was typed</h2><p class="usa-alert__text">The fields marked below are not in a form the sign-up accepts; the voter sees the same messages.</p></div></div>`);
    }
    const result = await diagnose(ctx, parsed.identity, v);
    return checkForm(ctx, v, [], result);
  });

  async function diagnose(ctx: ConsolePageContext, identity: ParsedIdentity, typed: CheckValues): Promise<SafeHtml> {
    const scope = countyScope(ctx.staff);
    const voterId = identity.voterId ? normalizeVoterId(identity.voterId) : null;
    const near = await repo.nearRecords(rt.db.pool, { firstKey: identity.firstKey, lastKey: identity.lastKey, dob: identity.dob, zip5: identity.zip5, voterId }, scope);
    const byId = voterId ? near.find((r) => normalizeVoterId(r.voterId) === voterId) : undefined;
    if (byId?.confidential) {
      await auditVoterView(rt.db.pool, ctx.staff, byId.voterId, 'sign-up check');
      return outcome('error', 'Confidential voter', html`<p>Voter ID ${byId.voterId}: ${CONFIDENTIAL}</p>`);
    }
    const visible = near.filter((r) => !r.confidential);
    const result = matchIdentity(identity, visible.map((r) => r.candidate));
    const exact = visible.filter((r) => r.candidate.firstKey === identity.firstKey && r.candidate.lastKey === identity.lastKey && r.dob === identity.dob && r.zip === identity.zip5);
    const shown = result.kind === 'no_match' || result.kind === 'voter_id_mismatch' ? visible.filter((r) => differences(identity, r).length <= 2) : exact;
    for (const r of shown) await auditVoterView(rt.db.pool, ctx.staff, r.voterId, 'sign-up check');
    const links = (records: readonly repo.VoterRecord[]): SafeHtml => html`<ul>${records.map((r) => html`<li><a href="${BASE}/${r.voterId}">${r.voterId}</a> — ${fullName(r)}, ${r.countyName}, ${r.status}</li>`)}</ul>`;
    switch (result.kind) {
      case 'matched': {
        const live = await repo.liveSubscriptionChannels(rt.db.pool, result.voterId);
        return outcome('success', 'These details match one active record', html`<p>Voter <a href="${BASE}/${result.voterId}">${result.voterId}</a>. Typed exactly like this, the sign-up finds the voter.${live ? ' The voter is already signed up: the sign-up page shows the current preferences.' : ''}</p>
<p>If the voter still gets an error, they may have tried too often: the sign-up page then asks them to wait a while. Check for a different spelling, a different ZIP code (the residential address, not the mailing one) or date of birth in what they type.</p>`);
      }
      case 'voter_id_needed':
        return outcome('warning', 'Several active records share this name, date of birth and ZIP', html`<p>The sign-up cannot tell them apart: the voter must type their voter ID (shown on their voter notification card, or given by the county). The records:</p>${links(exact)}`);
      case 'voter_id_mismatch':
        return outcome('warning', 'The voter ID does not belong to the matching record', html`<p>Name, date of birth and ZIP match, but the voter ID typed (${typed.voterId}) is not theirs. Check the voter ID.</p>${links(exact)}`);
      case 'inactive':
      case 'cancelled':
      case 'pending':
        return outcome('warning', `The record is ${result.kind}`, html`<p>${STATUS_TEXT[result.kind.toUpperCase()]}</p>${links(exact)}`);
      case 'no_match':
        return shown.length === 0
          ? outcome('error', 'No record in your counties', html`<p>No record of your counties is close to these details. The voter may be registered in another county (the state help desk can check), registered very recently (records arrive with the next voter file), or not registered.</p>`)
          : outcome('error', 'No record matches exactly', html`<p>These records of your counties are close; the differences are marked. Sign-up needs first name, last name, date of birth and ZIP exactly as on the record (case, accents, hyphens and apostrophes do not matter; nicknames do).</p>
${shown.map((r) => differenceTable(identity, typed, r))}`);
    }
  }

  // --- the voter page ---------------------------------------------------------------------------------

  const voterPage = async (ctx: ConsolePageContext, v: repo.VoterRecord, errors: readonly FieldError[] = [], values?: Record<string, string>): Promise<ConsolePage> => {
    const breadcrumbs: ConsolePage['breadcrumbs'] = [[BASE, 'Voters']];
    if (v.confidential) {
      await auditVoterView(rt.db.pool, ctx.staff, v.voterId, 'record');
      return { title: `Voter ${v.voterId}`, nav: 'voters', breadcrumbs, main: html`<div class="usa-alert usa-alert--info" role="status"><div class="usa-alert__body"><p class="usa-alert__text">${CONFIDENTIAL}</p></div></div><p>County: ${v.countyName}</p>` };
    }
    const account = await subscriptions.getAccount(rt, staffSession(v.voterId, rt.clock.now()));
    const sub = account?.subscription ?? null;
    const consent = await repo.consentHistory(rt.db.pool, v.voterId);
    const timelines = await voterTimelines(rt.db.pool, v.voterId, null, { timeZone: rt.profile.timeZone });
    const messages = await listMessages(rt.db.pool, { voterId: v.voterId, limit: 200 });
    await auditVoterView(rt.db.pool, ctx.staff, v.voterId, 'record, subscription, consent, ballots, messages');
    const assist = hasPermission(ctx.staff, 'voters.assist');
    const path = `${BASE}/${v.voterId}`;
    const val = (k: string, d: string): string => values?.[k] ?? d;
    return {
      title: fullName(v) || `Voter ${v.voterId}`,
      nav: 'voters',
      breadcrumbs,
      hasErrors: errors.length > 0,
      status: errors.length > 0 ? 400 : 200,
      main: html`${errorSummary(ctx, errors)}
<h2>Registry record</h2>
<dl>
<dt class="text-bold">Voter ID</dt><dd>${v.voterId}</dd>
<dt class="text-bold">County</dt><dd>${v.countyName} (${v.countyCode})</dd>
<dt class="text-bold">Date of birth</dt><dd>${usDate(v.dob)}</dd>
<dt class="text-bold">Residential ZIP</dt><dd>${v.zip ?? ''}</dd>
<dt class="text-bold">Status</dt><dd>${STATUS_TEXT[v.status] ?? v.status}${v.removedAt ? ` (no longer in the county file since ${when(ctx, v.removedAt)})` : ''}</dd>
<dt class="text-bold">Registry language</dt><dd>${v.language ?? '–'}</dd>
<dt class="text-bold">Record updated</dt><dd>${when(ctx, v.sourceUpdatedAt)}</dd>
</dl>
<h2>Subscription</h2>
${sub ? html`<p>${sub.state === 'active' ? 'Active' : 'Suspended'} since ${when(ctx, sub.createdAt)} (signed up by ${sub.source}). Language: ${LANGUAGE_NAMES[sub.language]}. Hours: ${sub.hours.start}–${sub.hours.end} (${sub.timeZone}).</p>
<table class="usa-table usa-table--borderless bl-console-table"><caption>Channels</caption>
<thead><tr><th scope="col">Channel</th><th scope="col">Address</th><th scope="col">Consent</th>${assist ? html`<th scope="col">Actions</th>` : ''}</tr></thead>
<tbody>${sub.channels.map((c) => html`<tr><th scope="row">${CHANNEL_LABEL[c.channel]}</th><td>${c.address}</td><td>${c.consent}${c.needsYes ? (c.yesConfirmed ? ' (YES received)' : ' (waiting for YES)') : ''}</td>
${assist ? html`<td>${c.consent !== 'opted_out' ? buttonForm(ctx, { action: `${path}/opt-out`, label: `Opt out of ${CHANNEL_LABEL[c.channel]}`, hidden: { channel: c.channel }, danger: true }) : ''}
${c.channel !== 'voice' && c.consent !== 'opted_out' && c.consent !== 'undeliverable' ? buttonForm(ctx, { action: `${path}/resend`, label: `Resend ${CHANNEL_LABEL[c.channel]} confirmation`, hidden: { channel: c.channel } }) : ''}</td>` : ''}</tr>`)}</tbody>
</table>
${assist ? buttonForm(ctx, { action: `${path}/opt-out`, label: 'Opt out of everything (end the subscription)', hidden: { channel: 'all' }, danger: true }) : ''}` : html`<p>The voter is not signed up.</p>`}
${assist && sub ? html`<h2>Change preferences at the voter's request</h2>
${postForm(ctx, {
    action: `${path}/preferences`,
    submitLabel: 'Save preferences',
    body: html`${selectInput(ctx, { id: 'language', label: 'Message language', options: LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l], lang: l, selected: val('language', sub.language) === l })) })}
${textInput(ctx, { id: 'hours-start', name: 'hoursStart', label: 'Messages from (HH:MM)', width: 'sm', value: val('hoursStart', sub.hours.start), error: errorFor(errors, 'hours-start') })}
${textInput(ctx, { id: 'hours-end', name: 'hoursEnd', label: 'Messages until (HH:MM, 24:00 for midnight)', width: 'sm', value: val('hoursEnd', sub.hours.end), error: errorFor(errors, 'hours-end') })}
${CHANNELS.map((c) => textInput(ctx, {
    id: `${c}-address`, name: `${c}Address`, label: `${CHANNEL_LABEL[c]}: new ${c === 'email' ? 'email address' : 'phone number'}`, optionalLabel: '(leave empty to keep as is)',
    type: c === 'email' ? 'email' : 'tel', spellcheck: false, value: val(`${c}Address`, ''), error: errorFor(errors, `${c}-address`),
  }))}`,
  })}` : ''}
<h2>Consent history</h2>
${consent.length === 0 ? html`<p>None.</p>` : html`<table class="usa-table usa-table--borderless bl-console-table"><caption>Newest first</caption>
<thead><tr><th scope="col">When</th><th scope="col">Channel</th><th scope="col">Change</th><th scope="col">How</th><th scope="col">By</th></tr></thead>
<tbody>${consent.map((e) => html`<tr><td>${when(ctx, e.at)}</td><td>${e.channel ? CHANNEL_LABEL[e.channel as Channel] ?? e.channel : 'all'}</td><td>${e.fromState ?? 'new'} → ${e.toState}</td><td>${e.source}</td><td>${e.actor ?? ''}</td></tr>`)}</tbody></table>`}
<h2>Ballots</h2>
${timelines.length === 0 ? html`<p>No ballot.</p>` : timelines.map((t) => html`<h3>Election ${t.electionId}, ballot ${t.ballotId}</h3>
<ol class="usa-list">${t.entries.map((e) => html`<li>${timelineEntryEnglish(e)}</li>`)}</ol>`)}
<h2>Messages</h2>
${messages.length === 0 ? html`<p>No message.</p>` : html`<table class="usa-table usa-table--borderless bl-console-table"><caption>Newest first</caption>
<thead><tr><th scope="col">Created</th><th scope="col">Message</th><th scope="col">Channel</th><th scope="col">Language</th><th scope="col">Status</th><th scope="col">Sent</th></tr></thead>
<tbody>${messages.map((m) => html`<tr><td>${when(ctx, m.createdAt)}</td><td>${m.kind}${m.reason ? ` (${m.reason})` : ''}${m.electionId ? `, ${m.electionId}` : ''}</td><td>${CHANNEL_LABEL[m.channel]}</td><td>${m.language}</td>
<td>${m.status}${m.statusReason ? ` — ${m.statusReason}` : ''}</td><td>${m.sentAt ? when(ctx, m.sentAt) : ''}</td></tr>`)}</tbody></table>`}`,
    };
  };

  pages.get(`${BASE}/:voterId`, { anyOf: ['voters.view'] }, async (ctx, req) => voterPage(ctx, await voterOr404(ctx, req.params.voterId)));

  const accountSnapshot = (a: subscriptions.Account | null): Record<string, unknown> => {
    const s = a?.subscription;
    return s ? { language: s.language, hours: `${s.hours.start}-${s.hours.end}`, timeZone: s.timeZone, channels: s.channels.map((c) => `${c.channel}:${c.address}:${c.consent}`).join(', ') } : { subscription: 'none' };
  };

  pages.post(`${BASE}/:voterId/preferences`, { anyOf: ['voters.assist'] }, async (ctx, req, reply): Promise<ConsolePage | FastifyReply> => {
    const v = await voterOr404(ctx, req.params.voterId);
    if (v.confidential) throw voterNotFound();
    const values: Record<string, string> = {
      language: field(req.body, 'language', 10), hoursStart: field(req.body, 'hoursStart', 5), hoursEnd: field(req.body, 'hoursEnd', 5),
      smsAddress: field(req.body, 'smsAddress', 320), emailAddress: field(req.body, 'emailAddress', 320), voiceAddress: field(req.body, 'voiceAddress', 320),
    };
    const channels: subscriptions.ChannelsInput = {};
    for (const c of CHANNELS) if (values[`${c}Address`]) channels[c] = values[`${c}Address`]!;
    const session = staffSession(v.voterId, rt.clock.now());
    const before = await subscriptions.getAccount(rt, session);
    const result = await subscriptions.updatePreferences(rt, session, {
      ...(values.language ? { language: values.language } : {}),
      ...(values.hoursStart && values.hoursEnd ? { hours: { start: values.hoursStart, end: values.hoursEnd } } : {}),
      channels,
    }, 'county_staff', String(ctx.staff.id));
    if (result.kind === 'invalid') return voterPage(ctx, v, serviceProblems(ctx, result.fieldErrors), values);
    if (result.kind === 'not_subscribed') throw new AppError(409, 'not_subscribed', 'The voter is not signed up, so there are no preferences to change.');
    await auditVoterChange(rt.db.pool, ctx.staff, v.voterId, 'preferences', accountSnapshot(before), accountSnapshot(result.account));
    const notice = result.notices.length > 0 ? ` ${result.notices.map((n) => CHANNEL_LABEL[n.channel]).join(', ')} stays off: the address asked not to be contacted.` : '';
    return seeOther(reply, ctx, `${BASE}/${v.voterId}`, `Preferences saved.${notice}`);
  });

  pages.post(`${BASE}/:voterId/opt-out`, { anyOf: ['voters.assist'] }, async (ctx, req, reply) => {
    const v = await voterOr404(ctx, req.params.voterId);
    const channel = field(req.body, 'channel', 10);
    if (channel !== 'all' && !(CHANNELS as readonly string[]).includes(channel)) throw new AppError(400, 'invalid_channel', 'Choose a channel to opt out of.');
    const session = staffSession(v.voterId, rt.clock.now());
    const before = await subscriptions.getAccount(rt, session);
    if (!before?.subscription) throw new AppError(409, 'not_subscribed', 'The voter is not signed up.');
    const after = await subscriptions.optOutVoter(rt, session, channel as Channel | 'all', 'county_staff', String(ctx.staff.id));
    await auditVoterChange(rt.db.pool, ctx.staff, v.voterId, `opt-out ${channel}`, accountSnapshot(before), accountSnapshot(after));
    return seeOther(reply, ctx, `${BASE}/${v.voterId}`, channel === 'all' ? 'The voter is opted out of every channel; the subscription has ended.' : `The voter is opted out of ${CHANNEL_LABEL[channel as Channel]}.`);
  });

  pages.post(`${BASE}/:voterId/resend`, { anyOf: ['voters.assist'] }, async (ctx, req, reply) => {
    const v = await voterOr404(ctx, req.params.voterId);
    const channel = field(req.body, 'channel', 10);
    if (channel !== 'sms' && channel !== 'email') throw new AppError(400, 'invalid_channel', 'A confirmation goes by text or email.');
    const sub = await repo.liveSubscriptionChannels(rt.db.pool, v.voterId);
    const ch = sub?.channels.find((c) => c.channel === channel);
    if (!sub || !ch || ch.consent === 'opted_out' || ch.consent === 'undeliverable') throw new AppError(409, 'channel_off', 'This channel is not on: there is nothing to confirm.');
    const boss = await rt.queue();
    const now = rt.clock.now();
    await rt.db.tx(async (client) => {
      // A confirmation is sent once per address; a resend carries its own ref so it is a new message.
      await sendInTx(boss, client, QUEUES.serviceMessage, { subscriptionId: sub.id, kind: 'confirmation', channel, ref: `resend-${now.getTime()}` });
      await audit(client, { actor: ctx.staff, action: 'voter.changed', voterId: v.voterId, details: { what: 'confirmation resent', channel } });
    });
    return seeOther(reply, ctx, `${BASE}/${v.voterId}`, `A new ${CHANNEL_LABEL[channel]} confirmation is on its way.`);
  });
};

function outcome(kind: 'success' | 'warning' | 'error', heading: string, body: SafeHtml): SafeHtml {
  return html`<div class="usa-alert usa-alert--${kind} margin-bottom-3" role="status" id="check-result"><div class="usa-alert__body"><h2 class="usa-alert__heading">${heading}</h2>${body}</div></div>`;
}

type MatchField = 'firstName' | 'lastName' | 'dob' | 'zip';

function differences(identity: ParsedIdentity, r: repo.NearRecord): MatchField[] {
  const out: MatchField[] = [];
  if (r.candidate.firstKey !== identity.firstKey) out.push('firstName');
  if (r.candidate.lastKey !== identity.lastKey) out.push('lastName');
  if (r.dob !== identity.dob) out.push('dob');
  if (r.zip !== identity.zip5) out.push('zip');
  return out;
}

function differenceTable(identity: ParsedIdentity, typed: CheckValues, r: repo.NearRecord): SafeHtml {
  const diff = new Set(differences(identity, r));
  const row = (f: MatchField, label: string, typedValue: string, recordValue: string): SafeHtml => html`<tr${diff.has(f) ? html` class="bl-console-differs"` : ''}><th scope="row">${label}</th><td>${typedValue}</td><td>${recordValue}</td><td>${diff.has(f) ? html`<strong>Differs</strong>` : 'Same'}</td></tr>`;
  return html`<table class="usa-table usa-table--borderless bl-console-table">
<caption>Voter <a href="${BASE}/${r.voterId}">${r.voterId}</a>, ${r.countyName}, ${r.status}</caption>
<thead><tr><th scope="col">Field</th><th scope="col">Typed</th><th scope="col">Record</th><th scope="col">Result</th></tr></thead>
<tbody>
${row('firstName', 'First name', typed.firstName, r.firstName ?? '')}
${row('lastName', 'Last name', typed.lastName, r.lastName ?? '')}
${row('dob', 'Date of birth', typed.dob, usDate(r.dob))}
${row('zip', 'ZIP code', typed.zip, r.zip ?? '')}
</tbody>
</table>`;
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testRuntime } from '../testing/db.ts';
import { stateActor, type Actor } from './actor.ts';
import {
  createElection, getCountyContacts, getParticipation, listElections, optInToLocal, optOutOfStatewide, rejoinStatewide,
  setCountyContacts, setParticipationOptions, withdrawFromLocal,
} from './elections.service.ts';

const state = stateActor('Ana (SOS)');
const county19: Actor = { name: 'LA clerk', scope: 'county', countyCodes: ['19'] };
// 2026-10-01 09:00 in California: an opt-in deadline of 2026-10-01 is still met today.
const now = new Date('2026-10-01T16:00:00Z');

test('a statewide election: every county takes part until it opts out; it can take part again', async () => {
  const rt = await testRuntime({ now });
  const e = await createElection(rt, { id: 'G2026', name: 'General Election', date: '2026-11-03', kind: 'statewide' }, state);
  assert.deepEqual([e.trackingDaysBefore, e.trackingDaysAfter, e.optInDeadline, e.createdBy], [29, 30, null, 'Ana (SOS)']);
  let p = await getParticipation(rt, 'G2026');
  assert.equal(p.counties.length, 58);
  assert.ok(p.counties.every((c) => c.participating && c.imbUse === 'none'));
  const la = p.counties.find((c) => c.countyCode === '19')!;
  assert.equal(la.window!.opensAt.toISOString(), '2026-10-05T07:00:00.000Z', 'E-29, 00:00 Pacific');
  assert.equal(la.window!.closesAt.toISOString(), '2026-12-04T08:00:00.000Z', 'end of E+30, after DST ended');

  const out = await optOutOfStatewide(rt, { electionId: 'G2026', countyCode: '19' }, county19);
  assert.deepEqual([out.participating, out.window, out.decidedBy], [false, null, 'LA clerk']);
  await assert.rejects(optOutOfStatewide(rt, { electionId: 'G2026', countyCode: '38' }, county19), /may not act for county 38/);
  await assert.rejects(createElection(rt, { id: 'X', name: 'x', date: '2026-12-01', kind: 'special' }, county19), /only the state may create elections/);
  await assert.rejects(createElection(rt, { id: 'G2026', name: 'again', date: '2026-11-03', kind: 'statewide' }, state), /already exists/);

  const set = await setParticipationOptions(rt, { electionId: 'G2026', countyCode: '37', imbUse: 'both', trackingStart: '2026-09-20' }, state);
  assert.deepEqual([set.imbUse, set.trackingStart, set.window!.opensAt.toISOString()], ['both', '2026-09-20', '2026-09-20T07:00:00.000Z']);
  await assert.rejects(setParticipationOptions(rt, { electionId: 'G2026', countyCode: '19', imbUse: 'both' }, state), /does not take part/);
  assert.equal((await rejoinStatewide(rt, { electionId: 'G2026', countyCode: '19' }, county19)).participating, true);
  p = await getParticipation(rt, 'G2026');
  assert.equal(p.counties.filter((c) => c.participating).length, 58);
  assert.equal((await listElections(rt))[0]!.participatingCounties, 58);
});

test('special and local elections: a county opts in at least 90 days ahead; later is refused unless the state overrides with a reason', async () => {
  const rt = await testRuntime({ now });
  await createElection(rt, { id: 'L2026', name: 'Measure A', date: '2026-12-30', kind: 'local' }, state);   // deadline 2026-10-01: today
  await createElection(rt, { id: 'S2026', name: 'Special', date: '2026-12-29', kind: 'special' }, state);  // deadline 2026-09-30: passed
  let p = await getParticipation(rt, 'L2026');
  assert.equal(p.election.optInDeadline, '2026-10-01');
  assert.ok(p.counties.every((c) => !c.participating), 'nobody takes part until they opt in');

  const inL = await optInToLocal(rt, { electionId: 'L2026', countyCode: '19', imbUse: 'outbound', trackingStart: '2026-12-01' }, county19);
  assert.deepEqual([inL.participating, inL.imbUse, inL.trackingStart, inL.lateOverrideReason], [true, 'outbound', '2026-12-01', null]);
  await assert.rejects(optInToLocal(rt, { electionId: 'L2026', countyCode: '19', imbUse: 'none' }, county19), /already takes part/);

  await assert.rejects(optInToLocal(rt, { electionId: 'S2026', countyCode: '19', imbUse: 'none' }, county19),
    (err: Error & { code?: string }) => err.code === 'opt_in_too_late' && /last day for the election of 2026-12-29 was 2026-09-30/.test(err.message));
  await assert.rejects(optInToLocal(rt, { electionId: 'S2026', countyCode: '19', imbUse: 'none', override: { reason: 'please' } }, county19), /only the state may override/);
  const late = await optInToLocal(rt, { electionId: 'S2026', countyCode: '19', imbUse: 'none', override: { reason: 'vacancy election called on short notice' } }, state);
  assert.deepEqual([late.participating, late.lateOverrideReason, late.decidedBy], [true, 'vacancy election called on short notice', 'Ana (SOS)']);

  await assert.rejects(optOutOfStatewide(rt, { electionId: 'L2026', countyCode: '19' }, county19), /counties opt in to it/);
  await assert.rejects(optInToLocal(rt, { electionId: 'L2026', countyCode: '19', imbUse: 'sometimes' as never }, county19), /imbUse must be one of/);
  await assert.rejects(optInToLocal(rt, { electionId: 'L2026', countyCode: '37', imbUse: 'none', trackingStart: '2027-01-01' }, state), /tracking must turn on by election day/);
  const w = await withdrawFromLocal(rt, { electionId: 'L2026', countyCode: '19' }, county19);
  assert.equal(w.participating, false);
  p = await getParticipation(rt, 'L2026');
  assert.equal(p.counties.filter((c) => c.participating).length, 0);
  await assert.rejects(getParticipation(rt, 'NOPE'), /no election NOPE/);
});

test('county contacts and cure instructions: a county sets its own, checked, and may clear a field', async () => {
  const rt = await testRuntime({ now });
  const c = await setCountyContacts(rt, '19', {
    phone: '(800) 815-2666', email: 'vbm@rrcc.lacounty.gov', website: 'https://lavote.gov', address: '12400 Imperial Hwy, Norwalk, CA 90650',
    cureInstructions: 'Sign the Signature Verification Statement and return it by the deadline.',
  }, county19);
  assert.equal(c.website, 'https://lavote.gov');
  await assert.rejects(setCountyContacts(rt, '38', { phone: '415-555-0100' }, county19), /may not act for county 38/);
  await assert.rejects(setCountyContacts(rt, '19', { email: 'not-an-email', website: 'ftp://x', fax: '1' }, county19),
    (err: Error) => /email "not-an-email"/.test(err.message) && /http\(s\)/.test(err.message) && /unknown field\(s\): fax/.test(err.message));
  const cleared = await setCountyContacts(rt, '19', { address: '' }, state);
  assert.deepEqual([cleared.address, cleared.phone], [null, '(800) 815-2666']);
  assert.equal((await getCountyContacts(rt, '19')).cureInstructions, 'Sign the Signature Verification Statement and return it by the deadline.');
  await assert.rejects(setCountyContacts(rt, '99', { phone: '415-555-0100' }, state), /no county 99/);
});

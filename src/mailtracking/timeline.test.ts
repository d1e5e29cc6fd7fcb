import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENVELOPE_DIRECTIONS, SCAN_MEANINGS } from '../persisted.ts';
import { buildTimeline, TIMELINE_TEXT_EN, timelineEntryEnglish, type TimelineBallotRow, type TimelineScanRow } from './timeline.ts';

const ZONE = 'America/Los_Angeles';
const ballot = (over: Partial<TimelineBallotRow> = {}): TimelineBallotRow => ({
  election_id: 'G2026', ballot_id: 'B1', voter_id: 'V1', county_code: '19', issued_date: '2026-10-04', sent_date: '2026-10-05',
  status_code: null, status_date: null, cure_deadline: null, ...over,
});
const scan = (at: string, direction: 'outbound' | 'inbound', over: Partial<TimelineScanRow> = {}): TimelineScanRow => ({
  direction, scanned_at: new Date(at), event_code: '891', meaning: 'processed', handling_event_type: null,
  facility_zip: '94615', facility_city: 'Oakland', facility_state: 'CA', ...over,
});

describe('buildTimeline', () => {
  it('orders by day in the state zone, then along the ballot life', () => {
    const t = buildTimeline(ballot(), [
      { status_code: 'NVS', status_date: new Date('2026-10-15T17:00:00Z'), date_only: false, day: null, cure_deadline: '2026-11-30' },
      { status_code: 'INR', status_date: new Date('2026-10-14T07:00:00Z'), date_only: true, day: '2026-10-14', cure_deadline: null },
      { status_code: 'INR', status_date: new Date('2026-10-14T07:00:00Z'), date_only: true, day: '2026-10-14', cure_deadline: null },
    ], [
      scan('2026-10-14T01:00:00Z', 'inbound'),                              // 2026-10-13 18:00 in California
      scan('2026-10-06T02:00:00Z', 'outbound', { meaning: 'delivery', handling_event_type: 'L' }),
      scan('2026-10-05T20:00:00Z', 'outbound'),
    ], ZONE);
    assert.deepEqual(t.entries.map((e) => [e.day, e.kind, e.direction ?? '', e.at]), [
      ['2026-10-04', 'issued', '', '2026-10-04'],
      ['2026-10-05', 'mailed', '', '2026-10-05'],
      ['2026-10-05', 'scan', 'outbound', '2026-10-05T20:00:00.000Z'],
      ['2026-10-05', 'scan', 'outbound', '2026-10-06T02:00:00.000Z'],
      ['2026-10-13', 'scan', 'inbound', '2026-10-14T01:00:00.000Z'],
      ['2026-10-14', 'received', '', '2026-10-14'],
      ['2026-10-15', 'action_needed', '', '2026-10-15T17:00:00.000Z'],
    ]);
    assert.equal(t.entries[3]!.inferred, true);
    assert.equal(t.entries[6]!.cureDeadline, '2026-11-30');
    assert.equal(t.entries[6]!.statusCode, 'NVS');
    const english = t.entries.map(timelineEntryEnglish);
    assert.equal(english[0], '2026-10-04  Your county issued your vote-by-mail ballot.');
    assert.match(english[3]!, /^2026-10-05  Your ballot envelope reached the post office .* Many "delivered" events are assumed, not scanned.*\(USPS facility in Oakland, CA\) USPS recorded this step without scanning/);
    assert.match(english[6]!, /contact your county\. Reply by 2026-11-30\. \[NVS\]$/);
  });

  it("falls back to the ballot's current status when no history is recorded, and keeps ISSUED only without an issued date", () => {
    const t = buildTimeline(ballot({ issued_date: null, sent_date: null, status_code: 'ACCEPTED', status_date: new Date('2026-10-20T18:00:00Z') }), [], [], ZONE);
    assert.deepEqual(t.entries.map((e) => [e.kind, e.key, e.statusCode]), [['decided', 'timeline.decided.accepted', 'ACCEPTED']]);
    const issuedOnly = buildTimeline(ballot({ issued_date: null }), [{ status_code: 'ISSUED', status_date: new Date('2026-10-04T17:00:00Z'), date_only: false, day: null, cure_deadline: null }], [], ZONE);
    assert.deepEqual(issuedOnly.entries.map((e) => e.kind), ['issued', 'mailed']);
    const withIssued = buildTimeline(ballot(), [{ status_code: 'ISSUED', status_date: new Date('2026-10-04T17:00:00Z'), date_only: false, day: null, cure_deadline: null }, { status_code: 'ZZZ', status_date: new Date('2026-10-09T17:00:00Z'), date_only: false, day: null, cure_deadline: null }], [], ZONE);
    assert.deepEqual(withIssued.entries.map((e) => e.key), ['timeline.issued', 'timeline.mailed', 'timeline.status.other']);
  });

  it('has English for every key it can produce, and never promises delivery', () => {
    const keys = ['timeline.issued', 'timeline.mailed', 'timeline.received', 'timeline.action_needed', 'timeline.decided.accepted',
      'timeline.decided.not_accepted', 'timeline.undeliverable', 'timeline.in_person', 'timeline.status.other',
      ...ENVELOPE_DIRECTIONS.flatMap((d) => SCAN_MEANINGS.map((m) => `timeline.scan.${d}.${m}`))];
    for (const key of keys) assert.ok(TIMELINE_TEXT_EN[key], key);
    for (const [key, text] of Object.entries(TIMELINE_TEXT_EN)) {
      if (key.endsWith('.delivery')) assert.match(text, /assumed, not scanned/, key);
      if (key.startsWith('timeline.scan')) assert.doesNotMatch(text, /was delivered|has been delivered/, key);
    }
  });
});

/**
 * The ingest guardrail (DESIGN §3: "a data transposition error sent wrong alerts to most
 * subscribers at launch: an ingest that would change an unusual share of statuses is held
 * for a human"). Pure: the ingest measures each county of each election it touches and asks
 * here whether to hold the whole ingest.
 *
 * A "change" is an existing ballot whose current status code would become another code.
 * New ballots and the first status of a ballot are not changes, so the issue wave at E-29
 * (every ballot new) is never held; a status re-reported with a later date is not a change.
 *
 * Hold when, for any (election, county):
 *  - the county does not take part in the election (statewide: opted out; special/local:
 *    never opted in) — the rows are probably for the wrong election or county;
 *  - changes ≥ minChanges AND changes / existing statuses > share (default 50 and 20 %):
 *    the minimum keeps a small county's ordinary day (12 of 40 ballots) from being held;
 *  - snapshot only: the snapshot lacks ≥ minChanges of the county's ballots and more than
 *    `share` of them (a truncated or wrong file).
 */

export interface GuardrailPolicy {
  /** Share of a county's existing statuses above which an ingest is held (0–1]. */
  share: number;
  /** Changes below this count never hold an ingest on their own. */
  minChanges: number;
}

/** What one ingest would do to one county of one election. */
export interface CountyImpact {
  electionId: string;
  countyCode: string;
  /** valid rows of this county and election in the ingest */
  rows: number;
  /** ballots of the county in the election that have a status now */
  existing: number;
  /** existing statuses whose code would change */
  changes: number;
  /** snapshot only: ballots we hold that the snapshot does not list */
  missing: number;
  participating: boolean;
  /** the most frequent status transitions, e.g. ISSUED→VDD */
  transitions: Array<{ from: string; to: string; count: number }>;
}

export interface GuardrailDecision {
  hold: boolean;
  /** one plain sentence per reason, for the summary the state admin reads */
  reasons: string[];
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const fmt = (n: number): string => n.toLocaleString('en-US');

export function changeShare(impact: Pick<CountyImpact, 'changes' | 'existing'>): number {
  return impact.existing === 0 ? 0 : impact.changes / impact.existing;
}

export function guardrail(impacts: readonly CountyImpact[], policy: GuardrailPolicy): GuardrailDecision {
  const reasons: string[] = [];
  for (const c of impacts) {
    const where = `county ${c.countyCode}, election ${c.electionId}`;
    if (!c.participating) reasons.push(`${where}: the county does not take part in this election (${fmt(c.rows)} row(s))`);
    const share = changeShare(c);
    if (c.changes >= policy.minChanges && share > policy.share) {
      const top = c.transitions.slice(0, 3).map((t) => `${t.from}→${t.to} ${fmt(t.count)}`).join(', ');
      reasons.push(`${where}: ${fmt(c.changes)} of ${fmt(c.existing)} statuses would change (${pct(share)}, above ${pct(policy.share)})${top ? `: ${top}` : ''}`);
    }
    const missingShare = c.existing === 0 ? 0 : c.missing / c.existing;
    if (c.missing >= policy.minChanges && missingShare > policy.share) {
      reasons.push(`${where}: the snapshot lacks ${fmt(c.missing)} of the ${fmt(c.existing)} ballots we hold (${pct(missingShare)})`);
    }
  }
  return { hold: reasons.length > 0, reasons };
}

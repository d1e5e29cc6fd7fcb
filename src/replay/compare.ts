/**
 * Compares what the oracle expects with what the provider holds, per voter and channel:
 * missing, extra, duplicate, early (before its not-before time), wrong language, and out of
 * order (two messages of one voter and channel handed off in the reverse of the order they
 * are due). Pure.
 */
import type { Channel } from '../persisted.ts';
import { messageIdentity, type ExpectedMessage } from './oracle.ts';

/** One message as the provider holds it (outbox row joined to its message). */
export interface GotMessage {
  voterId: string;
  channel: Channel;
  kind: string;
  ballotId: string | null;
  reason: string | null;
  language: string;
  sentAt: Date;
  /** Hand-off order (outbox id). */
  seq: number;
}

export type MismatchType = 'missing' | 'extra' | 'duplicate' | 'early' | 'language' | 'order';

export interface Mismatch {
  type: MismatchType;
  voterId: string;
  channel: string;
  message: string;
  expected: string | null;
  got: string | null;
}

const describe = (m: { kind: string; ballotId: string | null; reason: string | null }): string =>
  m.ballotId === null ? m.kind : `${m.kind} ${m.ballotId} ${m.reason ?? ''}`.trim();

export function compareMessages(expected: readonly ExpectedMessage[], got: readonly GotMessage[]): Mismatch[] {
  const out: Mismatch[] = [];
  const gotBy = new Map<string, GotMessage[]>();
  for (const g of got) {
    const k = messageIdentity(g);
    gotBy.set(k, [...(gotBy.get(k) ?? []), g]);
  }
  const expectedBy = new Map<string, ExpectedMessage>();
  for (const e of expected) expectedBy.set(messageIdentity(e), e);

  const matched: Array<{ e: ExpectedMessage; g: GotMessage }> = [];
  for (const [k, e] of expectedBy) {
    const gs = (gotBy.get(k) ?? []).sort((a, b) => a.seq - b.seq);
    const base = { voterId: e.voterId, channel: e.channel, message: describe(e) };
    const exp = `not before ${e.notBefore.toISOString()} in ${e.language}`;
    if (gs.length === 0) {
      out.push({ type: 'missing', ...base, expected: exp, got: null });
      continue;
    }
    const g = gs[0]!;
    matched.push({ e, g });
    for (const d of gs.slice(1)) out.push({ type: 'duplicate', ...base, expected: exp, got: `again at ${d.sentAt.toISOString()}` });
    if (g.sentAt.getTime() < e.notBefore.getTime()) out.push({ type: 'early', ...base, expected: exp, got: `at ${g.sentAt.toISOString()}` });
    if (g.language !== e.language) out.push({ type: 'language', ...base, expected: exp, got: `in ${g.language}` });
  }
  for (const [k, gs] of gotBy) {
    if (expectedBy.has(k)) continue;
    for (const g of gs) out.push({ type: 'extra', voterId: g.voterId, channel: g.channel, message: describe(g), expected: null, got: `at ${g.sentAt.toISOString()} in ${g.language}` });
  }
  // Order: per voter and channel, messages due at different times go in that order.
  const byVc = new Map<string, Array<{ e: ExpectedMessage; g: GotMessage }>>();
  for (const m of matched) {
    const k = `${m.e.voterId}|${m.e.channel}`;
    byVc.set(k, [...(byVc.get(k) ?? []), m]);
  }
  for (const list of byVc.values()) {
    list.sort((a, b) => a.g.seq - b.g.seq);
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1]!;
      const cur = list[i]!;
      if (cur.e.notBefore.getTime() < prev.e.notBefore.getTime() && cur.g.sentAt.getTime() !== prev.g.sentAt.getTime()) {
        out.push({
          type: 'order', voterId: cur.e.voterId, channel: cur.e.channel, message: describe(cur.e),
          expected: `before ${describe(prev.e)}`, got: `after it, at ${cur.g.sentAt.toISOString()}`,
        });
      }
    }
  }
  return out.sort((a, b) => a.voterId.localeCompare(b.voterId) || a.channel.localeCompare(b.channel) || a.type.localeCompare(b.type));
}

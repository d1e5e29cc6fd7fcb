/**
 * Inbound texts (DESIGN §2.2), as carriers expect them to behave:
 *   - STOP (END, CANCEL, UNSUBSCRIBE, QUIT, STOPALL, REVOKE, OPTOUT, or the same in any
 *     of the ten languages): every live subscription's sms and voice channels at that
 *     number are opted out, the number goes on the do-not-contact list, and exactly one
 *     confirmation is sent (the only message an opted-out number still gets);
 *   - START / UNSTOP: opts back in — sms channels at the number, and voice channels that
 *     the STOP turned off — lifts the STOP from the do-not-contact list, confirms;
 *   - YES: like START, and also confirms sign-ups that wait for a YES (Colorado);
 *   - HELP / INFO: who sends, how to get help and how to stop;
 *   - anything else is kept for staff, unanswered.
 * Consent changes use the subscriptions domain's optOutByAddress / optInByAddress; only the
 * voice half of START (which needs "was it the STOP?") and the YES are this module's SQL.
 * After START or YES, the voters' current ballot status is planned again (they may have
 * missed messages while opted out or unconfirmed). A number with no subscription still
 * gets its STOP honoured (do-not-contact) and HELP answered; START from it gets HELP.
 *
 * The reply's language: the subscription's, else the language of the keyword used.
 * The inbound message id makes a webhook delivered twice act once.
 */
import type { Runtime } from '../runtime.ts';
import { LANGUAGES, isLanguage } from '../persisted.ts';
import type { InboundKeyword, Language, MessageKind } from '../persisted.ts';
import { REPLY_KEYWORDS, classifyReply, normalizeReply } from './keywords.ts';
import type { ReplyKeyword } from './keywords.ts';
import { addDoNotContact, changeChannelConsent, confirmYes, removeDoNotContactByKeyword, subscriptionsAtAddress } from './consent.repository.ts';
import { optInByAddress, optOutByAddress } from '../subscriptions/consent.service.ts';
import { createReplyMessage } from './service-messages.service.ts';
import { planCurrentStatusForVoter } from './plan.service.ts';

// The keywords module's and the persisted list must stay the same words.
const _sameKeywords: InboundKeyword extends ReplyKeyword ? (ReplyKeyword extends InboundKeyword ? true : never) : never = true;
void _sameKeywords;

export interface InboundSms {
  provider: 'twilio';
  providerMessageId: string;
  from: string;
  to: string | null;
  body: string;
}

export type ReplyOutcome = 'duplicate' | 'opted_out' | 'opted_in' | 'confirmed' | 'help' | 'kept';

/** The language a keyword belongs to (the first of the ten, English first), or null. */
export function keywordLanguage(body: string): Language | null {
  const key = normalizeReply(body);
  for (const language of LANGUAGES) {
    for (const words of Object.values(REPLY_KEYWORDS[language])) {
      if (words.some((w) => normalizeReply(w) === key)) return language;
    }
  }
  return null;
}

export async function handleInboundSms(rt: Runtime, sms: InboundSms): Promise<{ outcome: ReplyOutcome; keyword: ReplyKeyword | null }> {
  const boss = await rt.queue();
  const now = rt.clock.now();
  const result = await rt.db.tx(async (client) => {
    const subs = await subscriptionsAtAddress(client, sms.from, ['sms', 'voice']);
    const subLanguage = subs.map((s) => s.language).find(isLanguage);
    const language: Language = subLanguage ?? keywordLanguage(sms.body) ?? 'en';
    const keyword = classifyReply(sms.body, language);
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO inbound_messages (provider, provider_message_id, from_address, to_address, body, keyword, language, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (provider, provider_message_id) DO NOTHING RETURNING id::text AS id`,
      [sms.provider, sms.providerMessageId, sms.from, sms.to, sms.body, keyword, language, now],
    );
    const inboundId = rows[0]?.id;
    if (inboundId === undefined) return { outcome: 'duplicate' as const, keyword, replanVoters: [] as string[] };
    const voterId = subs[0]?.voterId ?? null;
    const reply = (kind: MessageKind): Promise<string | null> => createReplyMessage(client, boss, { inboundId, kind, to: sms.from, language, voterId }, now);
    const details = { inboundId };

    switch (keyword) {
      case 'stop': {
        await optOutByAddress(client, sms.from, 'all', 'sms_keyword', sms.from, now);
        await addDoNotContact(client, sms.from, 'phone', 'stop', 'sms_keyword', now);
        await reply('opt_out_confirmation');
        return { outcome: 'opted_out' as const, keyword, replanVoters: [] };
      }
      case 'start':
      case 'yes': {
        if (subs.length === 0) {
          await removeDoNotContactByKeyword(client, sms.from);
          await reply('help');
          return { outcome: 'help' as const, keyword, replanVoters: [] };
        }
        await removeDoNotContactByKeyword(client, sms.from);
        // Texts back on; calls only where the STOP turned them off (not where the voter did on the portal).
        const changed = [
          ...(await optInByAddress(client, sms.from, 'sms', 'sms_keyword', sms.from, now)),
          ...(await changeChannelConsent(client, { address: sms.from, channels: ['voice'], fromStates: ['opted_out'], to: 'active', source: 'sms_keyword', actor: sms.from, details, now, lastSource: 'sms_keyword' })),
        ];
        const confirmed = keyword === 'yes' ? await confirmYes(client, sms.from, sms.from, now) : [];
        await reply('opt_in_confirmation');
        const voters = [...new Set([...changed.map((c) => c.voterId), ...confirmed.map((c) => c.voterId)])];
        return { outcome: confirmed.length > 0 ? ('confirmed' as const) : ('opted_in' as const), keyword, replanVoters: voters };
      }
      case 'help': {
        await reply('help');
        return { outcome: 'help' as const, keyword, replanVoters: [] };
      }
      default:
        return { outcome: 'kept' as const, keyword, replanVoters: [] };
    }
  });
  for (const voterId of result.replanVoters) await planCurrentStatusForVoter(rt, voterId, { delayMs: 60_000 });
  rt.log.info({ inbound: sms.providerMessageId, keyword: result.keyword, outcome: result.outcome }, 'inbound text');
  return { outcome: result.outcome, keyword: result.keyword };
}

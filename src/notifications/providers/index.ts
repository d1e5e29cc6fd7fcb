/**
 * The provider of each channel, chosen by configuration (default: the outbox for all).
 * One set per process, built on first use and closed with `closeProviders`.
 */
import type { Config } from '../../config.ts';
import type { Channel } from '../../persisted.ts';
import { outboxProvider } from './outbox/outbox.provider.ts';
import { smtpProvider } from './smtp/smtp.provider.ts';
import { twilioProvider } from './twilio/twilio.provider.ts';
import type { Provider } from './types.ts';

export type Providers = Readonly<Record<Channel, Provider>>;

export function createProviders(config: Config): Providers {
  const n = config.notifications;
  const outbox = outboxProvider({ emailFrom: n.emailFrom, phoneFrom: n.twilio.fromNumber ?? 'outbox', voiceAudioBaseUrl: n.voiceAudioBaseUrl });
  const twilio = n.smsProvider === 'twilio' || n.voiceProvider === 'twilio'
    ? twilioProvider({ accountSid: n.twilio.accountSid!, authToken: n.twilio.authToken!, fromNumber: n.twilio.fromNumber!, apiBase: n.twilio.apiBase, voiceAudioBaseUrl: n.voiceAudioBaseUrl })
    : null;
  return {
    email: n.emailProvider === 'smtp' ? smtpProvider({ url: n.smtpUrl!, from: n.emailFrom }) : outbox,
    sms: n.smsProvider === 'twilio' ? twilio! : outbox,
    voice: n.voiceProvider === 'twilio' ? twilio! : outbox,
  };
}

const cache = new WeakMap<Config, Providers>();

/** The providers of this configuration, built once per process. */
export function providersFor(config: Config): Providers {
  let p = cache.get(config);
  if (!p) {
    p = createProviders(config);
    cache.set(config, p);
  }
  return p;
}

export async function closeProviders(config: Config): Promise<void> {
  const p = cache.get(config);
  if (!p) return;
  cache.delete(config);
  for (const provider of new Set(Object.values(p))) await provider.close?.();
}

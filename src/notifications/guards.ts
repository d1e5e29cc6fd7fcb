/** Type guards for strings arriving in jobs and requests. */
import { CHANNELS, MESSAGE_KINDS } from '../persisted.ts';
import type { Channel, MessageKind } from '../persisted.ts';

export const isChannel = (v: unknown): v is Channel => (CHANNELS as readonly unknown[]).includes(v);
export const isMessageKind = (v: unknown): v is MessageKind => (MESSAGE_KINDS as readonly unknown[]).includes(v);

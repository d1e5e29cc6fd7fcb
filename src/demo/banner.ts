/**
 * What the newcomer reads in the terminal when the demo starts: where to go, whom to log in
 * as (demo voters, demo console accounts with their generated password and authenticator
 * secret). Printed to the terminal on purpose, never to the structured log.
 */
import { DateTime } from 'luxon';
import type { Runtime } from '../runtime.ts';
import { totpCode } from '../console/totp.ts';
import { LANGUAGE_NAMES } from '../web/i18n/catalog.ts';
import type { Clock } from '../clock.ts';
import type { DemoClock } from './demo-clock.ts';
import type { DemoState } from './demo-state.ts';
import type { Population } from './population.ts';

/** A few subscribed voters who never opt out, in different languages. */
export function demoVoters(population: Population, n = 4): Population['subscribers'] {
  const leaving = new Set(population.optOuts.map((o) => o.voterId));
  const seen = new Set<string>();
  const out: Population['subscribers'] = [];
  for (const s of population.subscribers) {
    if (leaving.has(s.voter.voterId) || seen.has(s.language) || s.voter.voterId.length === 0) continue;
    seen.add(s.language);
    out.push(s);
    if (out.length === n) break;
  }
  return out;
}

/** Active voters of the registry who are not subscribed and will not sign up by themselves: for trying the sign-up. */
export function votersToSignUp(population: Population, n = 3): Population['voters'] {
  const taken = new Set([...population.subscribers, ...population.signUps.map((s) => s.subscriber)].map((s) => s.voter.voterId));
  const twins = new Map<string, number>();
  for (const v of population.voters) {
    const key = `${v.firstName}|${v.lastName}|${v.dob}|${v.zip}`;
    twins.set(key, (twins.get(key) ?? 0) + 1);
  }
  return population.voters
    .filter((v) => v.status === 'ACTIVE' && !v.confidential && !taken.has(v.voterId) && twins.get(`${v.firstName}|${v.lastName}|${v.dob}|${v.zip}`) === 1)
    .slice(0, n);
}

const mdy = (iso: string): string => `${iso.slice(5, 7)}-${iso.slice(8, 10)}-${iso.slice(0, 4)}`;

export function banner(rt: Pick<Runtime, 'config' | 'profile'>, state: DemoState, population: Population, clock: DemoClock, seconds: number): string {
  const url = rt.config.publicUrl;
  const zone = rt.profile.timeZone;
  const simNow = DateTime.fromJSDate(clock.now(), { zone });
  const secondsLeft = Math.max(0, Math.round((state.clock.end - clock.now().getTime()) / clock.rate / 1000));
  const lines = [
    '',
    `ballotline demo — ready in ${seconds.toFixed(1)} s. Data folder: ${rt.config.dataDir} (demo data only).`,
    `  ${population.voters.length} voters in ${state.counties.length} counties, ${population.subscribers.length} subscribers, election "${state.electionId}" on ${state.electionDate}.`,
    clock.accelerated()
      ? `  The clock plays one simulated day every ${state.clock.daySeconds} s (now ${simNow.toFormat('yyyy-LL-dd HH:mm')}); the season ends in about ${secondsLeft} s, then runs at real time.`
      : '  The season has played; the clock now runs at real time.',
    '',
    'Open:',
    `  portal              ${url}/            log in at ${url}/log-in, then ${url}/my-ballot`,
    `  console             ${url}/console     dashboards ${url}/console/dashboards, outbox ${url}/console/outbox`,
    `  API documentation   ${url}/docs`,
    '',
    'Demo voters (portal log-in: first name, last name, date of birth, ZIP):',
    ...demoVoters(population).map((s) => `  ${s.voter.firstName} ${s.voter.lastName}, ${mdy(s.voter.dob)}, ZIP ${s.voter.zip} — ${LANGUAGE_NAMES[s.language]}, ${Object.keys(s.channels).join(' + ')}`),
    '',
    `Voters to sign up yourself (${url}/sign-up?lang=vi; first name, last name, date of birth, ZIP):`,
    ...votersToSignUp(population).map((v) => `  ${v.firstName} ${v.lastName}, ${mdy(v.dob)}, ZIP ${v.zip}`),
    '',
    'Demo console accounts (password, then the authenticator code):',
    ...state.staff.map((s) => `  ${s.role.padEnd(12)} ${s.email}  password ${s.password}  authenticator secret ${s.totpSecret}`),
    '  Current codes: `npm run ballotline -- demo code` (or add the secret to an authenticator app).',
    '',
    'Turn the demo off: BALLOTLINE_DEMO=off npm start. Start afresh: delete the demo data folder. Details: docs/demo.md.',
    '',
  ];
  return lines.join('\n');
}

/** The accounts' current authenticator codes (real time, as the member's phone computes them). */
export function codesText(state: DemoState, wallClock: Clock): string {
  return state.staff.map((s) => `${s.email}  ${totpCode(s.totpSecret, wallClock.now())}`).join('\n');
}

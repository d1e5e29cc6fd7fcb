import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DAY_MS, demoClock, placeSeason } from './demo-clock.ts';
import { demoConfig, demoDecision } from './mode.ts';
import { loadConfig } from '../config.ts';

const T0 = Date.parse('2026-11-22T03:00:00Z');

describe('the demo clock', () => {
  it('stands at the season start until played, then runs one simulated day per daySeconds', () => {
    let wall = T0;
    const season = placeSeason(T0, 2, 66);
    const clock = demoClock({ ...season, daySeconds: 2, startedAt: null }, () => wall);
    wall += 10_000;
    assert.equal(clock.now().getTime(), season.start);
    clock.play();
    assert.equal(clock.now().getTime(), season.start);
    wall += 2_000;
    assert.equal(clock.now().getTime(), season.start + DAY_MS);
    wall += 500;
    assert.equal(clock.now().getTime(), season.start + DAY_MS * 1.25);
    assert.equal(clock.rate, 43_200);
    assert.equal(clock.accelerated(), true);
  });

  it('places the season so that it ends when it has played, and is the wall clock after', () => {
    let wall = T0;
    const season = placeSeason(T0, 2, 66);
    assert.equal(season.end - season.start, 66 * DAY_MS);
    assert.equal(season.end, T0 + 132_000);
    const clock = demoClock({ ...season, daySeconds: 2, startedAt: null }, () => wall);
    clock.play();
    wall = T0 + 132_000 + 5_000;
    assert.equal(clock.accelerated(), false);
    assert.equal(clock.now().getTime(), wall);
    wall += 60_000;
    assert.equal(clock.now().getTime(), wall);
  });

  it('is monotonic when the wall clock steps back, and resumes from its persisted start', () => {
    let wall = T0;
    const season = placeSeason(T0, 1, 66);
    const clock = demoClock({ ...season, daySeconds: 1, startedAt: null }, () => wall);
    clock.play();
    wall += 3_000;
    const before = clock.now().getTime();
    wall -= 2_000;
    assert.equal(clock.now().getTime(), before, 'never goes back');
    wall += 5_000;
    assert.ok(clock.now().getTime() > before);
    // A restart reads the same settings: the same simulated time for the same wall time.
    const again = demoClock(clock.settings(), () => wall);
    assert.equal(again.now().getTime(), clock.now().getTime());
  });

  it('refuses a season that ends before it starts', () => {
    assert.throws(() => demoClock({ start: 10, end: 5, daySeconds: 1, startedAt: null }), RangeError);
  });
});

describe('when the demo runs', () => {
  const config = (env: Record<string, string>) => loadConfig({ BALLOTLINE_DATA_DIR: '/tmp/x', ...env });
  it('runs on the zero-config default, and for `demo`, but not over a real embedded database', () => {
    assert.deepEqual(demoDecision('start', config({}), false), { demo: true });
    assert.equal(demoDecision('start', config({}), true).demo, false);
    assert.deepEqual(demoDecision('demo', config({}), true), { demo: true });
  });
  it('never seeds a DATABASE_URL unless BALLOTLINE_DEMO=on; off turns it off', () => {
    const url = { DATABASE_URL: 'postgres://u@h/db' };
    assert.equal(demoDecision('start', config(url), false).demo, false);
    assert.equal(demoDecision('demo', config(url), false).demo, false);
    assert.equal(demoDecision('start', config({ ...url, BALLOTLINE_DEMO: 'on' }), false).demo, true);
    assert.equal(demoDecision('start', config({ BALLOTLINE_DEMO: 'off' }), false).demo, false);
    assert.equal(demoDecision('demo', config({ BALLOTLINE_DEMO: 'off' }), false).demo, false);
  });
  it('is refused in production, and validated', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production', BALLOTLINE_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://u@h/db', BALLOTLINE_DEMO: 'on' }), /BALLOTLINE_DEMO=on is refused/);
    assert.throws(() => loadConfig({ BALLOTLINE_DEMO: 'yes' }), /BALLOTLINE_DEMO must be one of/);
    assert.throws(() => loadConfig({ BALLOTLINE_DEMO_DAY_SECONDS: '0' }), /BALLOTLINE_DEMO_DAY_SECONDS/);
  });
  it('keeps its own data folder and port, and voter sessions as long in real time', () => {
    const base = config({});
    const c = demoConfig(base, 43_200);
    assert.equal(c.dataDir, '/tmp/x/demo');
    assert.equal(c.embeddedPgPort, base.embeddedPgPort + 1);
    assert.equal(c.voterSession.idleMinutes, base.voterSession.idleMinutes * 43_200);
    assert.equal(demoConfig(base, 1).voterSession.idleMinutes, base.voterSession.idleMinutes);
  });
});

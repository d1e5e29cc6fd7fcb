import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES } from '../persisted.ts';
import { AppError } from '../errors.ts';
import {
  PERMISSIONS, assertCountyAccess, assignmentProblem, canViewUser, countyScope, coversCounty, electionsActor, hasPermission, manageDenial,
  type Permission, type Staff,
} from './roles.ts';

const state: Staff = { id: 1, email: 's@sos.gov', name: 'S', role: 'state_admin', countyCodes: [] };
const laAdmin: Staff = { id: 2, email: 'a@la.gov', name: 'A', role: 'county_admin', countyCodes: ['19'] };
const twoAdmin: Staff = { id: 3, email: 'b@x.gov', name: 'B', role: 'county_admin', countyCodes: ['19', '37'] };
const laStaff: Staff = { id: 4, email: 'c@la.gov', name: 'C', role: 'county_staff', countyCodes: ['19'] };

test('role matrix: exactly the documented permissions per role', () => {
  const expected: Record<string, Permission[]> = {
    state_admin: [...PERMISSIONS],
    county_admin: ['voters.view', 'voters.assist', 'ballots.view', 'messages.view', 'feeds.view', 'reports.view', 'feeds.manage', 'elections.participate', 'templates.override', 'counties.contacts', 'staff.view', 'staff.manage', 'audit.view'],
    county_staff: ['voters.view', 'voters.assist', 'ballots.view', 'messages.view', 'feeds.view', 'reports.view'],
  };
  for (const role of ROLES) {
    for (const p of PERMISSIONS) assert.equal(hasPermission({ role }, p), expected[role]!.includes(p), `${role} ${p}`);
  }
  for (const p of ['elections.manage', 'templates.manage', 'ingest.approve', 'keys.manage'] as const) {
    assert.equal(hasPermission(laAdmin, p), false, `only the state: ${p}`);
  }
});

test('county scope: null (all) for the state, the list otherwise; access checks follow it', () => {
  assert.equal(countyScope(state), null);
  assert.deepEqual(countyScope(twoAdmin), ['19', '37']);
  assert.deepEqual(countyScope(laStaff), ['19']);
  assert.equal(coversCounty(state, '01'), true);
  assert.equal(coversCounty(twoAdmin, '37'), true);
  assert.equal(coversCounty(laStaff, '37'), false);
  assertCountyAccess(laStaff, '19');
  assert.throws(() => assertCountyAccess(laStaff, '37'), (e: unknown) => e instanceof AppError && e.status === 403 && e.code === 'county_forbidden');
});

test('managing staff: state admins manage all; county admins only county staff wholly inside their counties; staff nobody', () => {
  assert.equal(manageDenial(state, { role: 'state_admin', countyCodes: [] }), null);
  assert.equal(manageDenial(state, { role: 'county_admin', countyCodes: ['01'] }), null);
  assert.equal(manageDenial(laAdmin, { role: 'county_staff', countyCodes: ['19'] }), null);
  assert.equal(manageDenial(laAdmin, { role: 'state_admin', countyCodes: [] }), 'role_too_high');
  assert.equal(manageDenial(laAdmin, { role: 'county_admin', countyCodes: ['19'] }), 'role_too_high');
  assert.equal(manageDenial(laAdmin, { role: 'county_staff', countyCodes: ['37'] }), 'county_forbidden');
  assert.equal(manageDenial(laAdmin, { role: 'county_staff', countyCodes: ['19', '37'] }), 'county_forbidden', 'partly outside');
  assert.equal(manageDenial(twoAdmin, { role: 'county_staff', countyCodes: ['19', '37'] }), null);
  assert.equal(manageDenial(laStaff, { role: 'county_staff', countyCodes: ['19'] }), 'forbidden');
});

test('assignments: state admins have no counties, county roles at least one', () => {
  assert.equal(assignmentProblem({ role: 'state_admin', countyCodes: [] }), null);
  assert.match(assignmentProblem({ role: 'state_admin', countyCodes: ['19'] })!, /no counties/);
  assert.match(assignmentProblem({ role: 'county_staff', countyCodes: [] })!, /at least one county/);
  assert.equal(assignmentProblem({ role: 'county_admin', countyCodes: ['19'] }), null);
});

test('who sees which accounts; the elections actor of a staff member', () => {
  assert.equal(canViewUser(state, laStaff), true);
  assert.equal(canViewUser(laAdmin, laStaff), true);
  assert.equal(canViewUser(laAdmin, { id: 9, countyCodes: ['37'] }), false);
  assert.equal(canViewUser(laAdmin, state), false);
  assert.equal(canViewUser(laStaff, laAdmin), false, 'county staff see only themselves');
  assert.equal(canViewUser(laStaff, laStaff), true);
  assert.deepEqual(electionsActor(state), { name: 's@sos.gov', scope: 'state', countyCodes: [] });
  assert.deepEqual(electionsActor(twoAdmin), { name: 'b@x.gov', scope: 'county', countyCodes: ['19', '37'] });
});

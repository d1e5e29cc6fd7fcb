import type { FastifyInstance } from 'fastify';
import { ROLES, type Role } from '../persisted.ts';
import type { Runtime } from '../runtime.ts';
import { appSecret } from '../auth/secret.ts';
import * as svc from './accounts.service.ts';
import * as signin from './signin.service.ts';
import { audit, queryAudit, type AuditFilter } from './audit.ts';
import { countyScope, permissionsOf, PERMISSIONS } from './roles.ts';
import { requestContext, requireStaff, secureCookies, staffOf } from './staff-auth.ts';
import { staffClearCookie, staffSetCookie } from './session-cookie.ts';
import { PASSWORD_MAX_LENGTH } from './password.ts';

/**
 * Staff JSON API (docs/console.md): sign-in in two steps (password, then TOTP code), sign-out,
 * one's own account, staff accounts for admins, and the audit log. Sessions ride in the signed
 * `bl_staff` cookie (SameSite=Strict; JSON bodies only, so no cross-site form can post here)
 * or, for API clients, as a bearer token.
 */
const TAGS = ['staff'];
const SECURITY: Array<Record<string, string[]>> = [{ bearer: [] }];
const LOGIN_RATE = { rateLimit: { max: 30, timeWindow: '1 minute' } };
const nullable = (type: string, extra: object = {}) => ({ type: [type, 'null'], ...extra });

const errorSchema = { type: 'object', properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object', additionalProperties: true } } } } } as const;
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

const staffSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' }, email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', enum: [...ROLES] },
    countyCodes: { type: 'array', items: { type: 'string' } },
    status: { type: 'string', enum: ['setup_pending', 'active', 'locked', 'disabled'] },
    totpEnabled: { type: 'boolean' }, lockedUntil: nullable('string', { format: 'date-time' }), disabledAt: nullable('string', { format: 'date-time' }),
    lastLoginAt: nullable('string', { format: 'date-time' }), createdAt: { type: 'string', format: 'date-time' }, createdBy: nullable('integer'),
  },
} as const;
const setupGrantSchema = {
  type: 'object',
  properties: {
    user: staffSchema,
    setupToken: { type: 'string', description: 'one-time; give it to the account owner out of band; shown only now' },
    setupExpiresAt: { type: 'string', format: 'date-time' },
  },
} as const;
const totpEnrolSchema = {
  type: 'object',
  properties: { totpSecret: { type: 'string', description: 'base32, for typing into the app by hand' }, otpauthUri: { type: 'string', description: 'otpauth://totp/… for a QR code' } },
} as const;
const auditEntrySchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' }, at: { type: 'string', format: 'date-time' },
    actor: { type: 'object', properties: { id: nullable('integer'), label: { type: 'string' }, role: nullable('string') } },
    action: { type: 'string' }, voterId: nullable('string'), countyCodes: { type: 'array', items: { type: 'string' } },
    targetUserId: nullable('integer'), details: { type: 'object', additionalProperties: true }, ip: nullable('string'), userAgent: nullable('string'),
  },
} as const;

const password = { type: 'string', minLength: 1, maxLength: PASSWORD_MAX_LENGTH * 4 } as const;
const code = { type: 'string', pattern: '^[0-9 ]{6,9}$', description: 'the 6-digit code of the authenticator app' } as const;
const token = { type: 'string', minLength: 20, maxLength: 200 } as const;
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } } as const;
const countyCodes = { type: 'array', maxItems: 100, items: { type: 'string', minLength: 1, maxLength: 8 } } as const;

export async function consoleRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  await app.register(async (api) => {
    // Nothing a staff endpoint answers belongs in a shared cache or the browser's history.
    api.addHook('onSend', async (_req, reply) => {
      reply.header('cache-control', 'no-store');
    });
    const signedIn = requireStaff(rt);
    const staffViewers = requireStaff(rt, { anyOf: ['staff.view'] });
    const staffManagers = requireStaff(rt, { anyOf: ['staff.manage'] });
    const auditViewers = requireStaff(rt, { anyOf: ['audit.view'] });

    // --- sign-in ---------------------------------------------------------------------------

    api.post<{ Body: { email: string; password: string } }>('/api/v1/staff/login', {
      config: LOGIN_RATE,
      schema: {
        tags: TAGS, summary: 'Sign-in, step 1: email and password. Gives a login token for step 2 (valid a few minutes). Every failure is the same 401 login_failed.',
        body: { type: 'object', required: ['email', 'password'], additionalProperties: false, properties: { email: { type: 'string', maxLength: 320 }, password } },
        response: { 200: { type: 'object', properties: { loginToken: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' }, next: { type: 'string', enum: ['totp'] } } }, ...errors },
      },
    }, async (req) => {
      const r = await signin.passwordStep(rt, req.body, requestContext(rt, req));
      return { loginToken: r.loginToken, expiresAt: r.expiresAt.toISOString(), next: 'totp' };
    });

    api.post<{ Body: { loginToken: string; code: string; mode?: 'cookie' | 'bearer' } }>('/api/v1/staff/login/totp', {
      config: LOGIN_RATE,
      schema: {
        tags: TAGS,
        summary: "Sign-in, step 2: the authenticator code. mode 'cookie' (default) sets the bl_staff cookie; 'bearer' returns the session token instead, for API clients.",
        body: {
          type: 'object', required: ['loginToken', 'code'], additionalProperties: false,
          properties: { loginToken: token, code, mode: { type: 'string', enum: ['cookie', 'bearer'] } },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              staff: staffSchema, expiresAt: { type: 'string', format: 'date-time' }, maxExpiresAt: { type: 'string', format: 'date-time' },
              token: { type: 'string', description: "mode 'bearer' only" },
            },
          },
          ...errors,
        },
      },
    }, async (req, reply) => {
      const s = await signin.codeStep(rt, req.body, requestContext(rt, req));
      const body = { staff: s.staff, expiresAt: s.expiresAt.toISOString(), maxExpiresAt: s.maxExpiresAt.toISOString() };
      if (req.body.mode === 'bearer') return { ...body, token: s.token };
      reply.header('set-cookie', staffSetCookie(await appSecret(rt.config), s.token, secureCookies(rt)));
      return body;
    });

    api.post('/api/v1/staff/logout', {
      preHandler: signedIn,
      schema: { tags: TAGS, summary: 'End the current session (and clear the cookie)', security: SECURITY, response: { 204: { type: 'null' }, ...errors } },
    }, async (req, reply) => {
      await signin.logout(rt, staffOf(req));
      reply.header('set-cookie', staffClearCookie(secureCookies(rt)));
      return reply.status(204).send();
    });

    // --- own account ---------------------------------------------------------------------------

    api.get('/api/v1/staff/me', {
      preHandler: signedIn,
      schema: {
        tags: TAGS, summary: 'The signed-in staff member, their permissions and county scope (null: every county)', security: SECURITY,
        response: {
          200: {
            type: 'object',
            properties: {
              staff: staffSchema, permissions: { type: 'array', items: { type: 'string', enum: [...PERMISSIONS] } },
              countyScope: nullable('array', { items: { type: 'string' } }),
              session: { type: 'object', properties: { expiresAt: { type: 'string', format: 'date-time' }, maxExpiresAt: { type: 'string', format: 'date-time' }, via: { type: 'string' } } },
            },
          },
          ...errors,
        },
      },
    }, async (req) => {
      const staff = staffOf(req);
      const scope = countyScope(staff);
      return {
        staff: await signin.currentStaff(rt, staff), permissions: [...permissionsOf(staff.role)], countyScope: scope === null ? null : [...scope],
        session: { expiresAt: staff.session.expiresAt.toISOString(), maxExpiresAt: staff.session.maxExpiresAt.toISOString(), via: staff.session.via },
      };
    });

    api.post<{ Body: { currentPassword: string; newPassword: string } }>('/api/v1/staff/me/password', {
      preHandler: signedIn, config: LOGIN_RATE,
      schema: {
        tags: TAGS, summary: 'Change your password; your other sessions end', security: SECURITY,
        body: { type: 'object', required: ['currentPassword', 'newPassword'], additionalProperties: false, properties: { currentPassword: password, newPassword: password } },
        response: { 204: { type: 'null' }, ...errors },
      },
    }, async (req, reply) => {
      await signin.changeOwnPassword(rt, staffOf(req), req.body);
      return reply.status(204).send();
    });

    api.post<{ Body: { currentPassword: string } }>('/api/v1/staff/me/totp', {
      preHandler: signedIn, config: LOGIN_RATE,
      schema: {
        tags: TAGS, summary: 'Move your authenticator to a new device, step 1: a new secret (active once confirmed)', security: SECURITY,
        body: { type: 'object', required: ['currentPassword'], additionalProperties: false, properties: { currentPassword: password } },
        response: { 200: totpEnrolSchema, ...errors },
      },
    }, async (req) => signin.beginOwnTotpChange(rt, staffOf(req), req.body));

    api.post<{ Body: { code: string } }>('/api/v1/staff/me/totp/confirm', {
      preHandler: signedIn, config: LOGIN_RATE,
      schema: {
        tags: TAGS, summary: 'Move your authenticator, step 2: a code from the new device', security: SECURITY,
        body: { type: 'object', required: ['code'], additionalProperties: false, properties: { code } },
        response: { 204: { type: 'null' }, ...errors },
      },
    }, async (req, reply) => {
      await signin.confirmOwnTotpChange(rt, staffOf(req), req.body);
      return reply.status(204).send();
    });

    // --- set-up (redeeming a one-time set-up token) ------------------------------------------

    api.post<{ Body: { token: string } }>('/api/v1/staff/setup', {
      config: LOGIN_RATE,
      schema: {
        tags: TAGS, summary: 'Account set-up, step 1: the authenticator secret to enrol for a set-up token (nothing is consumed yet)',
        body: { type: 'object', required: ['token'], additionalProperties: false, properties: { token } },
        response: { 200: { type: 'object', properties: { email: { type: 'string' }, name: { type: 'string' }, ...totpEnrolSchema.properties } }, ...errors },
      },
    }, async (req) => signin.beginSetup(rt, req.body.token, requestContext(rt, req)));

    api.post<{ Body: { token: string; password: string; code: string } }>('/api/v1/staff/setup/complete', {
      config: LOGIN_RATE,
      schema: {
        tags: TAGS, summary: 'Account set-up, step 2: your password (at least 12 characters, not your email) and a first code from the app. Then sign in.',
        body: { type: 'object', required: ['token', 'password', 'code'], additionalProperties: false, properties: { token, password, code } },
        response: { 200: { type: 'object', properties: { staff: staffSchema } }, ...errors },
      },
    }, async (req) => ({ staff: await signin.completeSetup(rt, req.body, requestContext(rt, req)) }));

    // --- staff accounts --------------------------------------------------------------------------

    api.get<{ Querystring: { role?: Role; countyCode?: string; includeDisabled?: boolean } }>('/api/v1/staff/users', {
      preHandler: staffViewers,
      schema: {
        tags: TAGS, summary: 'Staff accounts you may see (a county admin: those sharing one of its counties)', security: SECURITY,
        querystring: {
          type: 'object', additionalProperties: false,
          properties: { role: { type: 'string', enum: [...ROLES] }, countyCode: { type: 'string', maxLength: 8 }, includeDisabled: { type: 'boolean' } },
        },
        response: { 200: { type: 'object', properties: { users: { type: 'array', items: staffSchema } } }, ...errors },
      },
    }, async (req) => ({ users: await svc.listStaffUsers(rt, staffOf(req), req.query) }));

    api.post<{ Body: { email: string; name: string; role: Role; countyCodes?: string[] } }>('/api/v1/staff/users', {
      preHandler: staffManagers,
      schema: {
        tags: TAGS, security: SECURITY,
        summary: 'Create an account (a county admin: county staff of its own counties only). Returns a one-time set-up token for the new member.',
        body: {
          type: 'object', required: ['email', 'name', 'role'], additionalProperties: false,
          properties: { email: { type: 'string', maxLength: 320 }, name: { type: 'string', maxLength: 200 }, role: { type: 'string', enum: [...ROLES] }, countyCodes },
        },
        response: { 201: setupGrantSchema, ...errors },
      },
    }, async (req, reply) => {
      const r = await svc.createStaffUser(rt, staffOf(req), req.body);
      return reply.status(201).send({ user: r.user, setupToken: r.setup.token, setupExpiresAt: r.setup.expiresAt.toISOString() });
    });

    api.get<{ Params: { id: number } }>('/api/v1/staff/users/:id', {
      preHandler: signedIn,
      schema: { tags: TAGS, summary: 'One staff account (yours, or one you may see)', security: SECURITY, params: idParams, response: { 200: staffSchema, ...errors } },
    }, async (req) => svc.getStaffUser(rt, staffOf(req), req.params.id));

    api.patch<{ Params: { id: number }; Body: { name?: string; role?: Role; countyCodes?: string[] } }>('/api/v1/staff/users/:id', {
      preHandler: signedIn,
      schema: {
        tags: TAGS, security: SECURITY, params: idParams,
        summary: "Change an account's name, role or counties. You may rename yourself; nobody changes their own role or counties.",
        body: {
          type: 'object', additionalProperties: false, minProperties: 1,
          properties: { name: { type: 'string', maxLength: 200 }, role: { type: 'string', enum: [...ROLES] }, countyCodes },
        },
        response: { 200: staffSchema, ...errors },
      },
    }, async (req) => svc.updateStaffUser(rt, staffOf(req), req.params.id, req.body));

    const accountAction = (path: string, summary: string, action: (staff: svc.SignedInStaff, id: number) => Promise<svc.StaffView>) =>
      api.post<{ Params: { id: number } }>(`/api/v1/staff/users/:id/${path}`, {
        preHandler: staffManagers,
        schema: { tags: TAGS, summary, security: SECURITY, params: idParams, response: { 200: staffSchema, ...errors } },
      }, async (req) => action(staffOf(req), req.params.id));

    accountAction('disable', 'Disable an account: its sessions end at once (accounts are never deleted, so the audit trail keeps them)', (s, id) => svc.disableStaffUser(rt, s, id));
    accountAction('enable', 'Enable a disabled account again', (s, id) => svc.enableStaffUser(rt, s, id));
    accountAction('unlock', 'Lift a lockout before it runs out', (s, id) => svc.unlockStaffUser(rt, s, id));

    api.post<{ Params: { id: number } }>('/api/v1/staff/users/:id/reset', {
      preHandler: staffManagers,
      schema: {
        tags: TAGS, security: SECURITY, params: idParams,
        summary: 'Lost password or authenticator: clear both, end the sessions, and get a new one-time set-up token for the owner',
        response: { 200: setupGrantSchema, ...errors },
      },
    }, async (req) => {
      const r = await svc.resetStaffUser(rt, staffOf(req), req.params.id);
      return { user: r.user, setupToken: r.setup.token, setupExpiresAt: r.setup.expiresAt.toISOString() };
    });

    // --- audit log ----------------------------------------------------------------------------------

    api.get<{ Querystring: { actorId?: number; voterId?: string; countyCode?: string; action?: string; from?: string; to?: string; beforeId?: number; limit?: number } }>('/api/v1/staff/audit', {
      preHandler: auditViewers,
      schema: {
        tags: TAGS, security: SECURITY,
        summary: 'Audit log, newest first (a county admin: entries of its counties). Page with beforeId = the last id of the previous page.',
        querystring: {
          type: 'object', additionalProperties: false,
          properties: {
            actorId: { type: 'integer', minimum: 1 }, voterId: { type: 'string', maxLength: 64 }, countyCode: { type: 'string', maxLength: 8 },
            action: { type: 'string', maxLength: 64, description: "an action, or a family ending in '.' such as 'login.'" },
            from: { type: 'string', format: 'date-time', description: 'inclusive' }, to: { type: 'string', format: 'date-time', description: 'exclusive' },
            beforeId: { type: 'integer', minimum: 1 }, limit: { type: 'integer', minimum: 1, maximum: 500, description: 'default 100' },
          },
        },
        response: { 200: { type: 'object', properties: { entries: { type: 'array', items: auditEntrySchema }, nextBeforeId: nullable('integer') } }, ...errors },
      },
    }, async (req) => {
      const staff = staffOf(req);
      const q = req.query;
      const filter: AuditFilter = {
        ...(q.actorId !== undefined ? { actorId: q.actorId } : {}), ...(q.voterId !== undefined ? { voterId: q.voterId } : {}),
        ...(q.countyCode !== undefined ? { countyCode: q.countyCode } : {}), ...(q.action !== undefined ? { action: q.action } : {}),
        ...(q.from !== undefined ? { from: new Date(q.from) } : {}), ...(q.to !== undefined ? { to: new Date(q.to) } : {}),
        ...(q.beforeId !== undefined ? { beforeId: q.beforeId } : {}), ...(q.limit !== undefined ? { limit: q.limit } : {}),
      };
      const entries = await queryAudit(rt.db.pool, filter, countyScope(staff));
      // Reading the trail is itself recorded (it shows voter ids and addresses).
      await audit(rt.db.pool, { actor: staff, action: 'audit.viewed', countyCodes: staff.countyCodes, details: { filter: q, returned: entries.length } });
      const limit = filter.limit ?? 100;
      return {
        entries: entries.map((e) => ({ ...e, at: e.at.toISOString() })),
        nextBeforeId: entries.length === limit ? entries[entries.length - 1]!.id : null,
      };
    });
  });
}

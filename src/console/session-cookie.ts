/**
 * The staff session cookie: the token signed with the app secret, HttpOnly, SameSite=Strict
 * (console actions never start from another site), Secure over https.
 */
import { sessionCookie } from '../auth/session-cookie.ts';

export { hashSessionToken as hashToken, newSessionToken as newToken } from '../auth/session-cookie.ts';

const staff = sessionCookie({ name: 'bl_staff', purpose: 'staff-session', sameSite: 'Strict' });

export const STAFF_COOKIE = staff.name;
export const signStaffCookie = staff.sign;
export const unsignStaffCookie = staff.unsign;
export const readStaffCookie = staff.read;
export const staffSetCookie = staff.set;
export const staffClearCookie = staff.clear;

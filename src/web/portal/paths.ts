/** Every portal URL, in one place (part 2's pages included), so links never drift. */
export const PORTAL_PATHS = {
  home: '/',
  signUp: '/sign-up',
  /** Sign-up step 2; needs the identity of step 1 (signup-identity.ts). */
  signUpPreferences: '/sign-up/preferences',
  /** Sign-up step 3; needs a session. */
  signUpDone: '/sign-up/done',
  logIn: '/log-in',
  logOut: '/log-out',
  myBallot: '/my-ballot',
  preferences: '/preferences',
  optOut: '/opt-out',
  optedOut: '/opt-out/done',
  help: '/help',
  privacy: '/privacy',
} as const;

/** `tel:` link for a US number as written for people, e.g. "(888) 868-3225" → "tel:+18888683225". */
export function telHref(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 10) return `tel:+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `tel:+${digits}`;
  return `tel:${digits}`;
}

/**
 * Account lockout rules: a wrong password or a wrong code counts as one failure; after
 * `maxFailedAttempts` failures in a row the account is locked for `lockoutMinutes` and the
 * count starts again. Attempts while locked are refused without being checked or counted (so
 * nobody can keep an account locked for ever by guessing, nor guess during the lock). A
 * success resets the count. Pure.
 */
export interface LockoutPolicy { readonly maxFailedAttempts: number; readonly lockoutMinutes: number }
export interface LockoutState { readonly failedAttempts: number; readonly lockedUntil: Date | null }

export function isLocked(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** The state after one more failure, and whether this failure locked the account. */
export function afterFailure(state: LockoutState, now: Date, policy: LockoutPolicy): LockoutState & { lockedNow: boolean } {
  const failures = state.failedAttempts + 1;
  if (failures >= policy.maxFailedAttempts) {
    return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + policy.lockoutMinutes * 60_000), lockedNow: true };
  }
  return { failedAttempts: failures, lockedUntil: state.lockedUntil, lockedNow: false };
}

export function afterSuccess(): LockoutState {
  return { failedAttempts: 0, lockedUntil: null };
}

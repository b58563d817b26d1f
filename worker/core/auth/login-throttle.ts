// Login throttling, so passwords cannot be guessed at speed and nobody can lock a real user out.
// Attempts are counted per (account, address) with a growing wait after a few failures, and per
// address with a soft ceiling an office behind one NAT does not reach. There is no lock of an
// account as a whole: someone else's failures never refuse the right password from elsewhere.
import type { Database } from "../data/database";
import { forgetStatement, refundStatement, spendAll, type Budget, type Verdict } from "../rate-limit/rate-limit";

/** Per account and address: 5 failures free, then 30 s, 1 min, 2 min … up to 15 min between tries. */
export const ACCOUNT_ADDRESS_BUDGET: Budget = {
  name: "login",
  limit: 5,
  windowMs: 24 * 60 * 60 * 1000,
  backoff: { baseMs: 30 * 1000, maxMs: 15 * 60 * 1000 },
};

/** Per address, whatever e-mails it tries: 100 failures in 15 minutes. */
export const ADDRESS_BUDGET: Budget = { name: "login-ip", limit: 100, windowMs: 15 * 60 * 1000 };

export interface LoginAttempt {
  email: string;
  ip: string | null;
}

// Unknown e-mails are counted like known ones, so a wait reveals nothing about accounts. Without
// an address (never on Cloudflare, which always sends one) the pair falls back to the account.
const accountAddress = ({ email, ip }: LoginAttempt) => `${email}|${ip ?? "unknown"}`;

/**
 * Counts the attempt before the password is checked, in one round trip. The refusal, if any, is
 * the longest wait of the two budgets.
 */
export function countLoginAttempt(directory: Database, attempt: LoginAttempt, time: number): Promise<Verdict> {
  return spendAll(directory, [[ACCOUNT_ADDRESS_BUDGET, accountAddress(attempt)], [ADDRESS_BUDGET, attempt.ip]], time);
}

/** The right password: the pair's failures are forgotten and the attempt no longer counts for the address. */
export async function forgetLoginFailures(directory: Database, attempt: LoginAttempt): Promise<void> {
  const pair = forgetStatement(directory, ACCOUNT_ADDRESS_BUDGET, accountAddress(attempt));
  if (attempt.ip) await directory.batch([pair, refundStatement(directory, ADDRESS_BUDGET, attempt.ip)]);
  else await pair;
}

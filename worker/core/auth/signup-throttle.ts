// Sign-up throttling: each sign-up makes a workspace and claims an e-mail, so one address may
// make only a few an hour.
import type { Budget } from "../rate-limit/rate-limit";

/** 10 sign-ups per address per hour: a shop makes one; a script claiming addresses is slowed. */
export const SIGNUP_BUDGET: Budget = { name: "signup", limit: 10, windowMs: 60 * 60 * 1000 };

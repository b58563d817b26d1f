// Budgets of the self-service account routes ("forgot password", sign-in codes by SMS), counted
// before anyone is looked up, so a refusal says nothing about whether an account exists.
import type { Budget } from "../rate-limit/rate-limit";

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/** Recovery mails per e-mail address: a person who lost a mail asks again, a script flooding an inbox is stopped. */
export const RECOVERY_EMAIL_BUDGET: Budget = { name: "recovery-email", limit: 5, windowMs: HOUR };
/** Recovery requests per network address, whatever the e-mails. */
export const RECOVERY_ADDRESS_BUDGET: Budget = { name: "recovery-ip", limit: 20, windowMs: HOUR };

/** One code per mobile a minute (a resend waits for the first to arrive)… */
export const SMS_CODE_GAP_BUDGET: Budget = { name: "sms-code-gap", limit: 1, windowMs: MINUTE };
/** …and 5 an hour, so nobody's phone is flooded and SMS credit is not spent by a script. */
export const SMS_CODE_MOBILE_BUDGET: Budget = { name: "sms-code-mobile", limit: 5, windowMs: HOUR };
/** Codes per network address an hour: higher than per mobile, as a shop's staff share one office address. */
export const SMS_CODE_ADDRESS_BUDGET: Budget = { name: "sms-code-ip", limit: 20, windowMs: HOUR };

// How long a session lives, and the cookie that carries it.
export const SESSION_COOKIE = "crm_session";
/** A session unused for this long ends. */
export const SESSION_IDLE_MS = 7 * 24 * 60 * 60 * 1000;
/** A session ends this long after sign-in, however active. */
export const SESSION_ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, to keep reads cheap. */
export const SESSION_TOUCH_MS = 5 * 60 * 1000;

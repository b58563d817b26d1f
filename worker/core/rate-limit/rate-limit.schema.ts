// Counters of the rate limiter: one row per budget and actor ("login:ip:203.0.113.7").
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const rateLimits = sqliteTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    windowStartedAt: integer("window_started_at").notNull(),
    hits: integer("hits").notNull(),
    // Attempts before this time are refused without being counted.
    blockedUntil: integer("blocked_until"),
    // Whether the latest attempt got through; RETURNING shows only the row as it now is.
    lastAllowed: integer("last_allowed", { mode: "boolean" }).notNull(),
    // When the row means nothing any more (window and block over): the hourly prune removes it.
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("rate_limits_expires_idx").on(t.expiresAt)],
);

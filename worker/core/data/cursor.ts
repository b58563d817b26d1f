// Opaque keyset cursors: the sort key of the last row, base64url-encoded JSON.
import { z } from "@hono/zod-openapi";
import { invalidField } from "../http/problem";

export function encodeCursor(key: unknown[]): string {
  const bytes = new TextEncoder().encode(JSON.stringify(key));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export function decodeCursor(cursor: string): unknown[] | null {
  try {
    const binary = atob(cursor.replaceAll("-", "+").replaceAll("_", "/"));
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/** Query parameters every list accepts. */
export const pageQuery = {
  cursor: z.string().max(500).optional().openapi({ description: "The `nextCursor` of the previous page." }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

/** A page of results; `nextCursor` is null on the last page. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** Splits `limit + 1` fetched rows into a page and the cursor of its last row. */
export function toPage<Row, Out>(rows: Row[], limit: number, key: (row: Row) => unknown[], present: (row: Row) => Out) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(present),
    nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null,
  };
}

/** The id a cursor of an id-ordered list carries; a forged or stale cursor is a 400. */
export function cursorId(cursor: string | undefined): string | null {
  if (cursor === undefined) return null;
  const key = decodeCursor(cursor);
  if (!key || typeof key[0] !== "string") throw invalidField("query.cursor", "invalid_cursor");
  return key[0];
}

/** The (time, id) a cursor of a time-ordered list carries; a forged or stale cursor is a 400. */
export function cursorTimeId(cursor: string | undefined): { at: number; id: string } | null {
  if (cursor === undefined) return null;
  const key = decodeCursor(cursor);
  if (!key || typeof key[0] !== "number" || typeof key[1] !== "string") throw invalidField("query.cursor", "invalid_cursor");
  return { at: key[0], id: key[1] };
}

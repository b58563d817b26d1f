// Time-ordered, unguessable ids ("cus_01JD…"): sortable by creation, so lists page by id alone.
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford base32, lower case

function encodeTime(ms: number): string {
  let out = "";
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[ms % 32] + out;
    ms = Math.floor(ms / 32);
  }
  return out;
}

function randomPart(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let out = "";
  for (const byte of bytes) out += ALPHABET[byte % 32];
  return out;
}

export function newId(prefix: string, now = Date.now()): string {
  return `${prefix}_${encodeTime(now)}${randomPart(16)}`;
}

/** The smallest id of `prefix` made at or after `ms`: a lower bound for "since then" on an id index. */
export function idFloor(prefix: string, ms: number): string {
  return `${prefix}_${encodeTime(ms)}`;
}

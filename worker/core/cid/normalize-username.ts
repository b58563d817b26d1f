// Usernames (a shop's login, an Instagram handle): NFKC, lower case, no leading @.
import { toAsciiDigits } from "./digits";

const USERNAME_SHAPE = /^[\p{L}\p{N}._-]{2,64}$/u;

export function normalizeUsername(raw: string): string | null {
  const username = toAsciiDigits(raw.normalize("NFKC")).trim().replace(/^@/, "").toLowerCase();
  return USERNAME_SHAPE.test(username) ? username : null;
}

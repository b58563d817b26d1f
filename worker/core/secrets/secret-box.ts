// Secrets at rest (shop and webhook signing secrets, messaging provider keys) are stored sealed:
// AES-256-GCM under the Worker secret ENCRYPTION_KEY (32 random bytes, base64), a fresh 96-bit IV
// each time, written as `v1:<key id>:<base64 of iv + ciphertext>`. The key id (the first 8 hex
// digits of the key's SHA-256) names the key that sealed a value, so after a rotation a value
// sealed under ENCRYPTION_KEY_PREVIOUS still opens, and is sealed again under the new key when it
// is next used or written. A value without the prefix is a plaintext row from before encryption:
// it still works and is sealed on its next use or write. Without a key nothing is stored at all.
import { Problem } from "../http/problem";

const SEALED = /^v1:([0-9a-f]{8}):([A-Za-z0-9+/]+={0,2})$/;
const IV_BYTES = 12;

/** Whether a stored value is sealed (else it is a plaintext value from before encryption). */
export const isSealed = (stored: string) => SEALED.test(stored);

interface BoxKey {
  id: string;
  key: CryptoKey;
}

export class SecretBox {
  constructor(
    private readonly current: BoxKey,
    private readonly previous: BoxKey | null,
  ) {}

  async seal(plain: string): Promise<string> {
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv }, this.current.key, new TextEncoder().encode(plain)));
    const joined = new Uint8Array(IV_BYTES + sealed.length);
    joined.set(iv);
    joined.set(sealed, IV_BYTES);
    return `v1:${this.current.id}:${toBase64(joined)}`;
  }

  /** The plaintext of a stored value (a legacy plaintext value as it is). */
  async open(stored: string): Promise<string> {
    const match = SEALED.exec(stored);
    if (!match) return stored;
    const key = [this.current, this.previous].find((candidate) => candidate?.id === match[1]);
    if (!key) throw unreadable(`it was sealed under key ${match[1]}, which is neither ENCRYPTION_KEY nor ENCRYPTION_KEY_PREVIOUS`);
    const joined = fromBase64(match[2]!);
    try {
      const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: joined.slice(0, IV_BYTES) }, key.key, joined.slice(IV_BYTES));
      return new TextDecoder().decode(plain);
    } catch {
      throw unreadable(`it does not decrypt under key ${match[1]} (altered, or a different key with the same id)`);
    }
  }

  /** Whether a stored value is sealed under the current key (else it is to be sealed again). */
  isCurrent(stored: string): boolean {
    return SEALED.exec(stored)?.[1] === this.current.id;
  }

  /** The stored value as it should be stored now: itself when current, else opened and sealed again. */
  async reseal(stored: string): Promise<string> {
    return this.isCurrent(stored) ? stored : this.seal(await this.open(stored));
  }
}

function unreadable(why: string): Problem {
  console.error(`secret-box: a stored secret cannot be read: ${why}. Set ENCRYPTION_KEY_PREVIOUS to the key it was sealed with.`);
  return new Problem(500, "secret_unreadable");
}

function keyMissing(why: string): Problem {
  console.error(`secret-box: ${why}. Set it with \`wrangler secret put ENCRYPTION_KEY\` (32 random bytes, base64: \`openssl rand -base64 32\`); see README, Outbound calls and secrets.`);
  return new Problem(500, "encryption_key_missing");
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

function keyBytes(name: string, value: unknown): Uint8Array {
  if (typeof value !== "string" || value.trim() === "") throw keyMissing(`${name} is not set`);
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(value.trim());
  } catch {
    throw keyMissing(`${name} is not base64`);
  }
  if (bytes.length !== 32) throw keyMissing(`${name} is ${bytes.length} bytes, not 32`);
  return bytes;
}

async function boxKey(bytes: Uint8Array): Promise<BoxKey> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const id = [...digest.slice(0, 4)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return { id, key: await crypto.subtle.importKey("raw", bytes, "AES-GCM", false, ["encrypt", "decrypt"]) };
}

// Imported keys are reused while the isolate lives; a changed variable makes a new entry.
const boxes = new Map<string, Promise<SecretBox>>();

/** The box for this Worker's keys; a missing or malformed ENCRYPTION_KEY is a 500 with a clear log line. */
export function secretBox(env: Env): Promise<SecretBox> {
  const vars = env as unknown as Record<string, unknown>;
  const current = keyBytes("ENCRYPTION_KEY", vars.ENCRYPTION_KEY);
  const previousValue = vars.ENCRYPTION_KEY_PREVIOUS;
  const previous = typeof previousValue === "string" && previousValue.trim() !== "" ? keyBytes("ENCRYPTION_KEY_PREVIOUS", previousValue) : null;
  const cacheKey = `${vars.ENCRYPTION_KEY}|${previous ? vars.ENCRYPTION_KEY_PREVIOUS : ""}`;
  let box = boxes.get(cacheKey);
  if (!box) {
    box = (async () => new SecretBox(await boxKey(current), previous ? await boxKey(previous) : null))();
    boxes.set(cacheKey, box);
  }
  return box;
}

// What an admin may configure per channel, how it is stored (plain settings apart from secrets,
// which are sealed: see secrets/secret-box.ts) and how it is shown: a secret is write-only, shown
// as "set" and its last four characters at most (kept beside the settings when it is saved, so
// showing it never needs the secret itself).
import { z } from "@hono/zod-openapi";
import { toAsciiDigits } from "../cid/digits";
import { EmailInput } from "../cid/identifier.schemas";
import { toIso } from "../data/clock";
import { OutboundUrl } from "../outbound/outbound-url";
import { isSealed, type SecretBox } from "../secrets/secret-box";
import type { MessageChannel, ProviderKind } from "./messaging.schema";

const Outbox = z.object({ kind: z.literal("outbox") }).strict();

// The key becomes part of Kavenegar's URL path, so only URL-safe characters are accepted.
const ApiKey = z.string().trim().regex(/^[A-Za-z0-9_.=+-]{8,200}$/, { message: "invalid_api_key" });
const SenderLine = z
  .string()
  .transform((raw) => toAsciiDigits(raw).replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^\+?\d{3,20}$/, { message: "invalid_sender_line" }))
  .openapi({ type: "string", example: "10004346" });

const ApiUrl = OutboundUrl.openapi({ example: "https://mail.example.com/v1/send" });

// A bearer token goes into a header: printable ASCII only, no spaces.
const Token = z.string().trim().regex(/^[\x21-\x7e]{8,500}$/, { message: "invalid_api_key" });

// Replies that withdraw SMS consent, compared after folding digits, case and spaces.
const OptOutWords = z
  .array(z.string().trim().min(1).max(30))
  .min(1)
  .max(20)
  .optional()
  .openapi({ description: "Replies that withdraw SMS consent (compared ignoring case, spaces and Persian/Arabic digits). Leave out to keep the current list; the default is لغو, 11, stop.", example: ["لغو", "11", "stop"] });

export const SmsProviderInput = z
  .discriminatedUnion("kind", [
    Outbox.extend({ optOutWords: OptOutWords }).strict(),
    z
      .object({
        kind: z.literal("kavenegar"),
        apiKey: ApiKey.optional().openapi({ description: "Write-only. Leave out to keep the stored key." }),
        sender: SenderLine.nullable().optional().openapi({ description: "The sending line; the account's default line when left out." }),
        optOutWords: OptOutWords,
      })
      .strict(),
    z
      .object({
        kind: z.literal("ippanel"),
        token: Token.optional().openapi({ description: "Write-only API token of the IPPanel (Faraz SMS) account. Leave out to keep the stored one." }),
        sender: SenderLine.openapi({ description: "The sending line (required by IPPanel), e.g. +983000505." }),
        optOutWords: OptOutWords,
      })
      .strict(),
    z
      .object({
        kind: z.literal("smsir"),
        apiKey: Token.optional().openapi({ description: "Write-only SMS.ir API key (x-api-key). Leave out to keep the stored one." }),
        sender: SenderLine.openapi({ description: "The SMS.ir line number, e.g. 30007732000000." }),
        optOutWords: OptOutWords,
      })
      .strict(),
  ])
  .openapi("SmsProviderUpdate");
export type SmsProviderUpdate = z.infer<typeof SmsProviderInput>;

export const EmailProviderInput = z
  .discriminatedUnion("kind", [
    Outbox,
    z
      .object({
        kind: z.literal("http"),
        url: ApiUrl,
        token: Token.optional().openapi({ description: "Write-only bearer token. Leave out to keep the stored one." }),
        from: EmailInput,
      })
      .strict(),
  ])
  .openapi("EmailProviderUpdate");
export type EmailProviderUpdate = z.infer<typeof EmailProviderInput>;

const secretShown = { set: z.boolean(), hint: z.string().nullable().openapi({ description: "The last four characters, for recognition.", example: "…9f3a" }) };

export const ProviderViewSchema = z
  .object({
    channel: z.enum(["sms", "email"]),
    kind: z.enum(["outbox", "kavenegar", "ippanel", "smsir", "http"]),
    sender: z.string().nullable().optional(),
    url: z.string().optional(),
    from: z.string().optional(),
    apiKey: z.object(secretShown).optional(),
    token: z.object(secretShown).optional(),
    callbackUrl: z.string().nullable().optional().openapi({
      description: "SMS only: where the provider posts delivery reports and replies (`/webhooks/sms/{provider}/{connectionId}`); give it to the provider's panel. Null until the channel is saved once. Keep it secret: the path is the key.",
      example: "https://crm.example.com/webhooks/sms/kavenegar/smsc_01jd…",
    }),
    optOutWords: z.array(z.string()).optional().openapi({ description: "SMS only: replies that withdraw SMS consent." }),
    updatedAt: z.string().nullable().openapi({ description: "Null while the channel is on the default outbox." }),
  })
  .openapi("MessagingProvider");
export type ProviderView = z.infer<typeof ProviderViewSchema>;

export interface StoredProvider {
  channel: MessageChannel;
  kind: ProviderKind;
  config: Record<string, string>;
  secrets: Record<string, string>;
  connectionId: string | null;
  optOutWords: string[] | null;
  updatedAt: number | null;
}

export const defaultProvider = (channel: MessageChannel): StoredProvider => ({ channel, kind: "outbox", config: {}, secrets: {}, connectionId: null, optOutWords: null, updatedAt: null });

export const DEFAULT_OPT_OUT_WORDS = ["لغو", "11", "stop"];

/** The last four characters, for recognition; none for a short secret, which they would mostly give away. */
const hintOf = (secret: string) => (secret.length >= 16 ? `…${secret.slice(-4)}` : null);

/**
 * The stored form of an update, secrets still in plain text where the update gives them (the
 * router seals them). A secret left out keeps the stored one, and its hint, when the kind does not
 * change; `null` means it is required and missing.
 */
export function toStored(update: SmsProviderUpdate | EmailProviderUpdate, current: StoredProvider): Pick<StoredProvider, "kind" | "config" | "secrets"> | null {
  const secret = (name: string, given: string | undefined): { secrets: Record<string, string>; config: Record<string, string> } | null => {
    if (given !== undefined) {
      const hint = hintOf(given);
      return { secrets: { [name]: given }, config: hint ? { [`${name}Hint`]: hint } : {} };
    }
    const kept = current.kind === update.kind ? current.secrets[name] : undefined;
    if (!kept) return null;
    const hint = current.config[`${name}Hint`] ?? legacyHint(kept);
    return { secrets: { [name]: kept }, config: hint ? { [`${name}Hint`]: hint } : {} };
  };
  switch (update.kind) {
    case "outbox":
      return { kind: "outbox", config: {}, secrets: {} };
    case "kavenegar": {
      const apiKey = secret("apiKey", update.apiKey);
      return apiKey ? { kind: "kavenegar", config: { ...(update.sender ? { sender: update.sender } : {}), ...apiKey.config }, secrets: apiKey.secrets } : null;
    }
    case "ippanel": {
      const token = secret("token", update.token);
      return token ? { kind: "ippanel", config: { sender: update.sender, ...token.config }, secrets: token.secrets } : null;
    }
    case "smsir": {
      const apiKey = secret("apiKey", update.apiKey);
      return apiKey ? { kind: "smsir", config: { sender: update.sender, ...apiKey.config }, secrets: apiKey.secrets } : null;
    }
    case "http": {
      const token = secret("token", update.token);
      return token ? { kind: "http", config: { url: update.url, from: update.from, ...token.config }, secrets: token.secrets } : null;
    }
  }
}

/** The secrets as they are to be stored: the ones the update gives sealed, the kept ones sealed again if they are not under the current key. */
export async function sealedSecrets(box: SecretBox, update: SmsProviderUpdate | EmailProviderUpdate, secrets: Record<string, string>): Promise<Record<string, string>> {
  const given = update as Record<string, unknown>;
  const sealed = await Promise.all(Object.entries(secrets).map(async ([name, value]) => [name, given[name] !== undefined ? await box.seal(value) : await box.reseal(value)] as const));
  return Object.fromEntries(sealed);
}

/** The plaintext secrets, for the provider factory (the one place they are used). */
export async function openedSecrets(box: SecretBox, secrets: Record<string, string>): Promise<Record<string, string>> {
  return Object.fromEntries(await Promise.all(Object.entries(secrets).map(async ([name, value]) => [name, await box.open(value)] as const)));
}

// A row saved before secrets were sealed has no hint beside it; its plaintext gives one.
const legacyHint = (value: string) => (isSealed(value) ? null : hintOf(value));

/** The secret field each kind needs, for the error when it is missing. */
export const SECRET_FIELD: Partial<Record<ProviderKind, string>> = { kavenegar: "apiKey", ippanel: "token", smsir: "apiKey", http: "token" };

function shownSecret(stored: StoredProvider, name: string) {
  const value = stored.secrets[name];
  if (!value) return { set: false, hint: null };
  return { set: true, hint: stored.config[`${name}Hint`] ?? legacyHint(value) };
}

/** The callback path of an SMS connection (the UI puts the Worker's origin in front). */
export const smsCallbackPath = (stored: StoredProvider) => (stored.connectionId ? `/webhooks/sms/${stored.kind}/${stored.connectionId}` : null);

export function presentProvider(stored: StoredProvider, origin = ""): ProviderView {
  const path = smsCallbackPath(stored);
  const sms = stored.channel === "sms" ? { callbackUrl: path === null ? null : `${origin}${path}`, optOutWords: stored.optOutWords ?? DEFAULT_OPT_OUT_WORDS } : {};
  const base = { channel: stored.channel, kind: stored.kind, ...sms, updatedAt: toIso(stored.updatedAt) };
  switch (stored.kind) {
    case "kavenegar":
      return { ...base, sender: stored.config.sender ?? null, apiKey: shownSecret(stored, "apiKey") };
    case "ippanel":
      return { ...base, sender: stored.config.sender ?? null, token: shownSecret(stored, "token") };
    case "smsir":
      return { ...base, sender: stored.config.sender ?? null, apiKey: shownSecret(stored, "apiKey") };
    case "http":
      return { ...base, url: stored.config.url ?? "", from: stored.config.from ?? "", token: shownSecret(stored, "token") };
    default:
      return base;
  }
}

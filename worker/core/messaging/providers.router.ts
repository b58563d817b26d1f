// Handlers for the messaging providers contract.
import type { Context } from "hono";
import { auditOrigin } from "../audit/audit";
import { now } from "../data/clock";
import { invalidField } from "../http/problem";
import { createRouter } from "../http/router";
import type { MessageChannel } from "./messaging.schema";
import { secretBox } from "../secrets/secret-box";
import { presentProvider, SECRET_FIELD, sealedSecrets, toStored, type EmailProviderUpdate, type SmsProviderUpdate } from "./provider-config";
import { findProvider, saveProvider } from "./providers.repository";
import { listChannelsRoute, listProvidersRoute, putEmailProviderRoute, putSmsProviderRoute } from "./providers.routes";

async function putProvider(c: Context, channel: MessageChannel, update: SmsProviderUpdate | EmailProviderUpdate) {
  const scope = c.get("scope");
  const current = await findProvider(scope, channel);
  const next = toStored(update, current);
  // A new provider kind needs its secret; an edit of the same kind may keep the stored one.
  if (!next) throw invalidField(`body.${SECRET_FIELD[update.kind] ?? "kind"}`, "secret_required");
  const secrets = Object.keys(next.secrets).length > 0 ? await sealedSecrets(await secretBox(c.env), update, next.secrets) : {};
  const optOutWords = "optOutWords" in update && update.optOutWords !== undefined ? update.optOutWords : current.optOutWords;
  await saveProvider(scope, current, { channel, ...next, secrets, optOutWords }, auditOrigin(c), now());
  return presentProvider(await findProvider(scope, channel), new URL(c.req.url).origin);
}

export const providersRouter = createRouter()
  .openapi(listProvidersRoute, async (c) => {
    const scope = c.get("scope");
    const [sms, email] = await Promise.all([findProvider(scope, "sms"), findProvider(scope, "email")]);
    const origin = new URL(c.req.url).origin;
    return c.json({ sms: presentProvider(sms, origin), email: presentProvider(email, origin) }, 200);
  })
  .openapi(listChannelsRoute, async (c) => {
    const scope = c.get("scope");
    const [sms, email] = await Promise.all([findProvider(scope, "sms"), findProvider(scope, "email")]);
    const delivers = (provider: Awaited<ReturnType<typeof findProvider>>) => ({ delivers: presentProvider(provider).kind !== "outbox" });
    return c.json({ sms: delivers(sms), email: delivers(email) }, 200);
  })
  .openapi(putSmsProviderRoute, async (c) => c.json(await putProvider(c, "sms", c.req.valid("json")), 200))
  .openapi(putEmailProviderRoute, async (c) => c.json(await putProvider(c, "email", c.req.valid("json")), 200));

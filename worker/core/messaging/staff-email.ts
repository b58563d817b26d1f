// Account mail to a staff member (a password-reset link), through the workspace's e-mail
// provider. Not a customer message: no timeline row, no consent or quiet hours. Without a real
// provider (the default outbox only records) nothing can reach the person, so there is no mailer
// and the caller decides what to do instead.
import type { WorkspaceScope } from "../data/database";
import { buildProvider } from "./provider-factory";
import { findProvider } from "./providers.repository";

export interface StaffEmail {
  /** A reference for the provider (the reset's id). */
  id: string;
  to: string;
  subject: string;
  body: string;
}

/** Sends one account mail; true when the provider accepted it. */
export type StaffMailer = (mail: StaffEmail) => Promise<boolean>;

export async function staffMailer(scope: WorkspaceScope): Promise<StaffMailer | null> {
  const stored = await findProvider(scope, "email");
  if (stored.kind === "outbox") return null;
  const provider = buildProvider(stored);
  return async (mail) => (await provider.send({ ...mail, channel: "email" })).status === "sent";
}

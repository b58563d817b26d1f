// Who holds an e-mail address, and whether an invitation to it may take it from them. E-mails
// are unique across the service and a sign-up does not prove the address, so anyone could sign
// up with a future employee's address first. The rule: an account whose address nobody confirmed
// and whose workspace was never used (no customer, no colleague, no API key) never blocks an
// invitation; accepting it releases the address, and that account's next sign-in is told to sign
// up with another one. An account that is confirmed or in use keeps its address.
import { and, eq, ne } from "drizzle-orm";
import { revokeUserSessions } from "../auth/sessions";
import type { Database } from "../data/database";
import { openWorkspace } from "../data/database";
import { apiKeys, customers, users } from "../data/schema";

export interface EmailHolder {
  id: string;
  workspaceId: string;
  /** An invitation may take the address: unconfirmed, and the workspace never used. */
  releasable: boolean;
}

/** Who holds `email`, seen from the workspace inviting it (whose own members it never releases). */
export async function findEmailHolder(env: Env, directory: Database, email: string, invitingWorkspaceId: string): Promise<EmailHolder | undefined> {
  const holder = await directory
    .select({ id: users.id, workspaceId: users.workspaceId, emailVerifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.email, email))
    .get();
  if (!holder) return undefined;
  if (holder.emailVerifiedAt !== null || holder.workspaceId === invitingWorkspaceId) return { id: holder.id, workspaceId: holder.workspaceId, releasable: false };
  // Directory and workspace data may live in different databases: asked separately, never joined.
  const workspace = openWorkspace(env, holder.workspaceId);
  const [colleague, key, customer] = await Promise.all([
    directory.select({ id: users.id }).from(users).where(and(eq(users.workspaceId, holder.workspaceId), ne(users.id, holder.id))).limit(1).get(),
    directory.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.workspaceId, holder.workspaceId)).limit(1).get(),
    workspace.db.select({ id: customers.id }).from(customers).where(eq(customers.workspaceId, holder.workspaceId)).limit(1).get(),
  ]);
  return { id: holder.id, workspaceId: holder.workspaceId, releasable: !colleague && !key && !customer };
}

/** The address the released account signs in under from now on: its own, and never deliverable. */
export const releasedPlaceholder = (userId: string) => `${userId}@released.invalid`;

/** The statements that free the address (for the batch that gives it to the invited person). */
export function releaseEmailStatements(directory: Database, holder: EmailHolder, email: string, time: number) {
  return [
    directory.update(users).set({ email: releasedPlaceholder(holder.id), releasedEmail: email, updatedAt: time }).where(eq(users.id, holder.id)),
    revokeUserSessions(directory, holder.id),
  ] as const;
}

/** The account that lost this address to an invitation, to tell at sign-in (at most one). */
export function findReleasedAccount(directory: Database, email: string) {
  return directory.select({ id: users.id, passwordHash: users.passwordHash }).from(users).where(eq(users.releasedEmail, email)).get();
}

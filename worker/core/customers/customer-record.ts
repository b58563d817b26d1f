// The pieces of a customer record that creating and updating both write: the display name and
// its search words, the tag set, consent with its time, and the owner check.
import { and, eq } from "drizzle-orm";
import { foldName, nameIndexWords } from "../cid/fold-name";
import type { WorkspaceScope } from "../data/database";
import { customerNameWords, customerTags } from "../data/schema";
import { invalidField } from "../http/problem";
import { isWorkspaceMember } from "../workspaces/members";
import type { ConsentState } from "./customers.schema";

export interface NameParts {
  kind: string;
  firstName?: string | null;
  lastName?: string | null;
  organizationName?: string | null;
}

export function displayNameOf(input: NameParts): string {
  if (input.kind === "organization" && input.organizationName) return input.organizationName;
  return [input.firstName, input.lastName].filter(Boolean).join(" ") || input.organizationName || "";
}

/** The shown name and its folded search key. */
export function nameColumns(parts: NameParts): { displayName: string; nameKey: string } {
  const displayName = displayNameOf(parts);
  return { displayName, nameKey: foldName(displayName) };
}

/** Inserts of the name-word index rows for a folded name (none for an empty name). */
export function nameWordInserts(scope: WorkspaceScope, customerId: string, nameKey: string) {
  const words = nameIndexWords(nameKey);
  return words.length
    ? [scope.db.insert(customerNameWords).values(words.map((word) => ({ workspaceId: scope.workspaceId, word, customerId })))]
    : [];
}

export const nameWordsDelete = (scope: WorkspaceScope, customerId: string) =>
  scope.db.delete(customerNameWords).where(and(eq(customerNameWords.workspaceId, scope.workspaceId), eq(customerNameWords.customerId, customerId)));

/** Tags as stored: trimmed by the schema, duplicates dropped, first spelling kept. */
export const tagSet = (tags: readonly string[] | null | undefined): string[] => [...new Set(tags ?? [])];

export function tagInserts(scope: WorkspaceScope, customerId: string, tags: string[]) {
  return tags.length ? [scope.db.insert(customerTags).values(tags.map((tag) => ({ workspaceId: scope.workspaceId, tag, customerId })))] : [];
}

export const tagsDelete = (scope: WorkspaceScope, customerId: string) =>
  scope.db.delete(customerTags).where(and(eq(customerTags.workspaceId, scope.workspaceId), eq(customerTags.customerId, customerId)));

/** A consent state and the time it was given or withdrawn ("unknown" has no time). */
export const consentAt = (state: ConsentState, time: number): number | null => (state === "unknown" ? null : time);

/** Owners are staff of this workspace; anything else is a 400 on the field. */
export async function assertOwnerIsMember(env: Env, workspaceId: string, ownerUserId: string | null | undefined, path = "body.ownerUserId"): Promise<void> {
  if (ownerUserId && !(await isWorkspaceMember(env, workspaceId, ownerUserId))) throw invalidField(path, "unknown_user");
}

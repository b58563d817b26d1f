// What a bulk send must hold before it is queued, so a mistake is a clear 400 that changes nothing
// rather than a job stopping half way: the sender's permission, one text (typed, or a saved
// template of the channel), an e-mail's subject, and only placeholders a bulk send can fill for
// every customer (their names and the shop's; a coupon or points have no value per customer here).
import type { WorkspaceScope } from "../data/database";
import { forbidden, invalidField } from "../http/problem";
import { unknownPlaceholders } from "../messaging/message-text";
import { findTemplateByName } from "../messaging/templates.repository";
import { channelOf, type BulkSend } from "./bulk-action.schemas";

/** The placeholders sendMessage fills from the customer and the workspace. */
export const BULK_PLACEHOLDERS = ["firstName", "lastName", "shopName"] as const;

/** The first placeholder in the texts a bulk send cannot fill, or null. */
function unfillable(texts: Array<string | null | undefined>): string | null {
  for (const text of texts) {
    const [name] = text ? unknownPlaceholders(text, BULK_PLACEHOLDERS) : [];
    if (name) return name;
  }
  return null;
}

const refuse = (field: string, name: string) =>
  invalidField(`body.change.${field}`, "unknown_placeholder", { placeholder: `{${name}}`, known: BULK_PLACEHOLDERS.map((known) => `{${known}}`).join(", ") });

export async function assertSendable(scope: WorkspaceScope, change: BulkSend, permissions: ReadonlySet<string>): Promise<void> {
  if (!permissions.has("messages:send")) throw forbidden();
  if ((change.body === undefined) === (change.template === undefined)) throw invalidField("body.change.body", "text_or_template_required");
  const subject = change.type === "send_email" ? change.subject : undefined;
  if (change.template === undefined) {
    if (change.type === "send_email" && subject === undefined) throw invalidField("body.change.subject", "subject_required");
    const inSubject = unfillable([subject]);
    if (inSubject) throw refuse("subject", inSubject);
    const inBody = unfillable([change.body]);
    if (inBody) throw refuse("body", inBody);
    return;
  }
  const template = await findTemplateByName(scope, change.template);
  if (!template) throw invalidField("body.change.template", "unknown_template");
  if (template.channel !== channelOf(change)) throw invalidField("body.change.template", "template_channel_mismatch");
  // The template's own subject wins; one without a subject takes the one given.
  if (change.type === "send_email" && template.subjectFa === null && subject === undefined) throw invalidField("body.change.subject", "subject_required");
  const inTemplate = unfillable([template.textFa, template.textEn, template.subjectFa, template.subjectEn]);
  if (inTemplate) throw refuse("template", inTemplate);
  const inSubject = unfillable([subject]);
  if (inSubject) throw refuse("subject", inSubject);
}

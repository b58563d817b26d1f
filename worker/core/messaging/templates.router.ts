// Handlers for message templates and the SMS preview.
import { auditEntry, auditOrigin } from "../audit/audit";
import { now, toIso } from "../data/clock";
import { newId } from "../data/ids";
import { isUniqueViolation } from "../customers/customers.repository";
import { invalidField, notFound, Problem } from "../http/problem";
import { createRouter } from "../http/router";
import { PLACEHOLDERS, unknownPlaceholders } from "./message-text";
import { previewMessage } from "./messaging-service";
import type { TemplateUpdate, TemplateView } from "./template.schemas";
import { deleteTemplate, findTemplate, insertTemplate, listTemplates, updateTemplate, type TemplateRow } from "./templates.repository";
import { createTemplateRoute, deleteTemplateRoute, listTemplatesRoute, previewRoute, updateTemplateRoute } from "./templates.routes";

function presentTemplate(row: TemplateRow): TemplateView {
  return {
    id: row.id,
    name: row.name,
    channel: row.channel,
    purpose: row.purpose,
    text: { fa: row.textFa, en: row.textEn },
    subject: row.subjectFa === null ? null : { fa: row.subjectFa, en: row.subjectEn ?? "" },
    providerTemplate: row.providerTemplate,
    createdAt: toIso(row.createdAt)!,
    updatedAt: toIso(row.updatedAt)!,
  };
}

/** Refuses a placeholder not on the list, naming the field and the placeholder. */
function checkPlaceholders(input: TemplateUpdate): void {
  const texts = { "text.fa": input.text?.fa, "text.en": input.text?.en, "subject.fa": input.subject?.fa, "subject.en": input.subject?.en };
  for (const [field, text] of Object.entries(texts)) {
    const [unknown] = text ? unknownPlaceholders(text) : [];
    if (unknown) throw invalidField(`body.${field}`, "unknown_placeholder", { placeholder: `{${unknown}}`, known: PLACEHOLDERS.map((name) => `{${name}}`).join(", ") });
  }
}

/** The row's columns for the fields given. */
function columnsOf(input: TemplateUpdate): Partial<TemplateRow> {
  return {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.channel !== undefined ? { channel: input.channel } : {}),
    ...(input.purpose !== undefined ? { purpose: input.purpose } : {}),
    ...(input.text !== undefined ? { textFa: input.text.fa, textEn: input.text.en } : {}),
    ...(input.subject !== undefined ? { subjectFa: input.subject?.fa ?? null, subjectEn: input.subject?.en ?? null } : {}),
    ...(input.providerTemplate !== undefined ? { providerTemplate: input.providerTemplate } : {}),
  };
}

const nameTaken = () => new Problem(409, "template_name_taken", { errors: [{ path: "body.name", code: "template_name_taken" }] });

export const templatesRouter = createRouter()
  .openapi(listTemplatesRoute, async (c) => c.json({ items: (await listTemplates(c.get("scope"))).map(presentTemplate) }, 200))
  .openapi(createTemplateRoute, async (c) => {
    const input = c.req.valid("json");
    checkPlaceholders(input);
    const scope = c.get("scope");
    const time = now();
    const row: TemplateRow = {
      id: newId("tpl", time),
      workspaceId: scope.workspaceId,
      name: input.name,
      channel: input.channel,
      purpose: input.purpose,
      textFa: input.text.fa,
      textEn: input.text.en,
      subjectFa: input.subject?.fa ?? null,
      subjectEn: input.subject?.en ?? null,
      providerTemplate: input.providerTemplate ?? null,
      createdAt: time,
      updatedAt: time,
    };
    try {
      await scope.db.batch([
        insertTemplate(scope, row),
        auditEntry(scope, auditOrigin(c), { action: "message_template.created", entityType: "message_template", entityId: row.id, details: { name: row.name } }),
      ]);
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken();
      throw error;
    }
    return c.json(presentTemplate(row), 201);
  })
  .openapi(updateTemplateRoute, async (c) => {
    const { id } = c.req.valid("param");
    const input = c.req.valid("json");
    checkPlaceholders(input);
    const scope = c.get("scope");
    const current = await findTemplate(scope, id);
    if (!current) throw notFound();
    const changes = { ...columnsOf(input), updatedAt: now() };
    try {
      await scope.db.batch([
        updateTemplate(scope, id, changes),
        auditEntry(scope, auditOrigin(c), { action: "message_template.updated", entityType: "message_template", entityId: id, details: { changed: Object.keys(input) } }),
      ]);
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken();
      throw error;
    }
    return c.json(presentTemplate({ ...current, ...changes }), 200);
  })
  .openapi(deleteTemplateRoute, async (c) => {
    const { id } = c.req.valid("param");
    const scope = c.get("scope");
    const current = await findTemplate(scope, id);
    if (!current) throw notFound();
    await scope.db.batch([
      deleteTemplate(scope, id),
      auditEntry(scope, auditOrigin(c), { action: "message_template.deleted", entityType: "message_template", entityId: id, details: { name: current.name } }),
    ]);
    return c.body(null, 204);
  })
  .openapi(previewRoute, async (c) => {
    const input = c.req.valid("json");
    return c.json(await previewMessage(c.env, c.get("scope"), input), 200);
  });

// Handlers for attribute definitions. Each change and its audit row commit in one batch.
import { auditEntry, auditOrigin } from "../audit/audit";
import { actorOf } from "../auth/auth.middleware";
import { now } from "../data/clock";
import { attributeDefinitions } from "../data/schema";
import { notFound, Problem } from "../http/problem";
import { createRouter } from "../http/router";
import {
  createAttributeDefinitionRoute,
  deleteAttributeDefinitionRoute,
  listAttributeDefinitionsRoute,
  updateAttributeDefinitionRoute,
} from "./attributes.routes";
import { definitionWhere, findAttributeDefinition, listAttributeDefinitions, presentAttributeDefinition } from "./attributes.repository";

export const attributesRouter = createRouter()
  .openapi(listAttributeDefinitionsRoute, async (c) => {
    const rows = await listAttributeDefinitions(c.get("scope"));
    return c.json({ items: rows.map(presentAttributeDefinition) }, 200);
  })
  .openapi(createAttributeDefinitionRoute, async (c) => {
    const input = c.req.valid("json");
    actorOf(c);
    const scope = c.get("scope");
    if (await findAttributeDefinition(scope, input.key)) {
      throw new Problem(409, "conflict", { errors: [{ path: "body.key", code: "attribute_key_taken" }] });
    }
    const time = now();
    const row = { workspaceId: scope.workspaceId, ...input, position: input.position ?? 0, createdAt: time, updatedAt: time };
    await scope.db.batch([
      // A concurrent twin loses on the primary key and becomes the error handler's 409.
      scope.db.insert(attributeDefinitions).values(row),
      auditEntry(scope, auditOrigin(c), { action: "attribute_definition.created", entityType: "attribute_definition", entityId: input.key, details: { after: input } }),
    ]);
    return c.json(presentAttributeDefinition(row), 201);
  })
  .openapi(updateAttributeDefinitionRoute, async (c) => {
    const { key } = c.req.valid("param");
    const input = c.req.valid("json");
    actorOf(c);
    const scope = c.get("scope");
    const current = await findAttributeDefinition(scope, key);
    if (!current) throw notFound();
    if (input.choices !== undefined && current.type !== "choice" && input.choices.length > 0) {
      throw new Problem(400, "validation_failed", { errors: [{ path: "body.choices", code: "choices_only_for_choice" }] });
    }
    if (input.choices !== undefined && current.type === "choice" && input.choices.length === 0) {
      throw new Problem(400, "validation_failed", { errors: [{ path: "body.choices", code: "choices_required" }] });
    }
    const time = now();
    const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
    await scope.db.batch([
      scope.db.update(attributeDefinitions).set({ ...changes, updatedAt: time }).where(definitionWhere(scope, key)),
      auditEntry(scope, auditOrigin(c), {
        action: "attribute_definition.updated",
        entityType: "attribute_definition",
        entityId: key,
        details: { before: Object.fromEntries(Object.keys(changes).map((name) => [name, current[name as keyof typeof current]])), after: changes },
      }),
    ]);
    return c.json(presentAttributeDefinition({ ...current, ...changes, updatedAt: time }), 200);
  })
  .openapi(deleteAttributeDefinitionRoute, async (c) => {
    const { key } = c.req.valid("param");
    actorOf(c);
    const scope = c.get("scope");
    const current = await findAttributeDefinition(scope, key);
    if (!current) throw notFound();
    await scope.db.batch([
      scope.db.delete(attributeDefinitions).where(definitionWhere(scope, key)),
      auditEntry(scope, auditOrigin(c), { action: "attribute_definition.deleted", entityType: "attribute_definition", entityId: key, details: { before: presentAttributeDefinition(current) } }),
    ]);
    return c.body(null, 204);
  });

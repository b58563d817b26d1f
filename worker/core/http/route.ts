// Route definitions: every route states who may call it, and that statement is both enforced
// (middleware) and published (OpenAPI `x-permission`, security), so the two cannot drift.
import { createRoute, z, type RouteConfig } from "@hono/zod-openapi";
import { requireAccess, type Access } from "../auth/auth.middleware";

const SECURED = [{ sessionCookie: [] }, { apiKey: [] }];

export function guardedRoute<R extends RouteConfig>(access: Access, config: R): R {
  const requirement = access === "signed-in" ? "Any signed-in user." : `Requires \`${access}\`.`;
  return createRoute({
    ...config,
    middleware: [requireAccess(access), ...(config.middleware ? [config.middleware].flat() : [])],
    security: SECURED,
    description: [config.description, requirement].filter(Boolean).join("\n\n"),
    "x-permission": access,
  } as R);
}

export function publicRoute<R extends RouteConfig>(config: R): R {
  return createRoute({ ...config, security: [], "x-permission": "public" } as R);
}

/** A required JSON request body. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } }, required: true });

/** A JSON response with its description. */
export const jsonResponse = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { "application/json": { schema } } });

/** The `{id}` path parameter of a record. */
export const IdParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: "id", in: "path" } }) });


// The routes the app publishes in /openapi.json, with the access each one declares.
import { anonymous, type Fetcher } from "./client";

export interface PublishedRoute {
  method: string;
  /** The OpenAPI path, e.g. /api/customers/{id}. */
  path: string;
  access: string;
  hasJsonBody: boolean;
}

export async function publishedRoutes(worker?: Fetcher): Promise<PublishedRoute[]> {
  const document = (await anonymous(worker).get("/openapi.json")).body as {
    paths: Record<string, Record<string, { "x-permission"?: string; requestBody?: { content?: Record<string, unknown> } }>>;
  };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      access: operation["x-permission"] ?? "undeclared",
      hasJsonBody: Boolean(operation.requestBody?.content?.["application/json"]),
    })),
  );
}

/** A concrete URL for a route, with every path parameter filled in. */
export function concretePath(path: string, values: Record<string, string> = {}, fallback = "missing_0000000000") {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? fallback));
}

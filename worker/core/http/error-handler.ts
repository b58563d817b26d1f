// The one place errors become responses: typed problems as they are, anything else a 500
// (logged, with no internals in the body).
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { z } from "@hono/zod-openapi";
import { Problem, problemResponse } from "./problem";
import { zodProblem } from "./validation";

function toProblem(error: unknown, c: Context): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof z.ZodError) return zodProblem(error, "body", c.get("locale") ?? "en");
  if (error instanceof HTTPException) {
    if (error.status === 413) return new Problem(413, "payload_too_large");
    // Every body the API reads is JSON; the router refuses any other media type before validation.
    if (error.status === 415) return new Problem(415, "unsupported_media_type");
    if (error.status === 403) return new Problem(403, "csrf_rejected");
    if (error.status === 400) return new Problem(400, "validation_failed", { errors: [{ path: "body", code: "invalid_json", message: error.message }] });
    return new Problem(error.status, "internal_error");
  }
  console.error("unhandled error", c.req.method, c.req.path, error);
  return new Problem(500, "internal_error");
}

export const onError: ErrorHandler = (error, c) =>
  problemResponse(toProblem(error, c), c.get("locale") ?? "en", c.req.path);

export const onNotFound: NotFoundHandler = (c) =>
  problemResponse(new Problem(404, "not_found"), c.get("locale") ?? "en", c.req.path);

// The one way the UI talks to the API: same origin, the session cookie, JSON in and out, and
// problem+json turned into an ApiError that pages show where the action happened.

export interface FieldProblem {
  /** "body.mobile", "query.q", "body.identifiers.0.value". */
  path: string;
  code: string;
  message: string;
}

export interface ProblemDocument {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly problem: ProblemDocument) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = "ApiError";
  }
  get status() {
    return this.problem.status;
  }
  /** The message for one form field: `fieldError("mobile")` matches body.mobile and body.mobile.x. */
  fieldError(field: string): string | undefined {
    const wanted = [`body.${field}`, field];
    return this.problem.errors?.find((error) => wanted.some((path) => error.path === path || error.path.startsWith(`${path}.`)))?.message;
  }
}

export type Query = Record<string, string | number | boolean | undefined | null | Array<string | number>>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) value.forEach((item) => params.append(key, String(item)));
    else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}${path.includes("?") ? "&" : "?"}${text}` : path;
}

/** Called when any request answers 401, so the app can return to the login page. */
let onUnauthenticated: (() => void) | undefined;
export function setUnauthenticatedHandler(handler: () => void) {
  onUnauthenticated = handler;
}

/** The language the API answers problems in (Accept-Language). */
let language = "fa";
export function setApiLanguage(next: string) {
  language = next;
}

export async function request<T>(method: string, path: string, body?: unknown, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set("accept", "application/json, application/problem+json");
  headers.set("accept-language", language);
  if (body !== undefined && !(body instanceof FormData) && typeof body !== "string") headers.set("content-type", "application/json");
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : body instanceof FormData || typeof body === "string" ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0, code: "network", detail: language === "fa" ? "اتصال به سرور برقرار نشد." : "Could not reach the server." });
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get("content-type") ?? "";
  const payload = type.includes("json") ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) {
    if (response.status === 401 && !path.startsWith("/api/auth/")) onUnauthenticated?.();
    const problem: ProblemDocument =
      payload && typeof payload === "object" ? { ...(payload as ProblemDocument), status: response.status } : { status: response.status, detail: String(payload || response.statusText) };
    throw new ApiError(problem);
  }
  return payload as T;
}

/** A file the API writes in answer to a POST (the export of ticked rows), for the browser to save. */
export async function postForFile(path: string, body: unknown): Promise<Blob> {
  const response = await fetch(path, {
    method: "POST",
    headers: { accept: "*/*", "accept-language": language, "content-type": "application/json" },
    credentials: "same-origin",
    body: JSON.stringify(body),
  }).catch(() => null);
  if (!response) throw new ApiError({ status: 0, code: "network", detail: language === "fa" ? "اتصال به سرور برقرار نشد." : "Could not reach the server." });
  if (response.ok) return response.blob();
  if (response.status === 401) onUnauthenticated?.();
  const problem = (await response.json().catch(() => null)) as ProblemDocument | null;
  throw new ApiError({ ...(problem ?? { detail: response.statusText }), status: response.status });
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>("GET", withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, body),
  put: <T>(path: string, body: unknown) => request<T>("PUT", path, body),
  delete: <T = void>(path: string) => request<T>("DELETE", path),
};

/** A cursor page as every list route returns it. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

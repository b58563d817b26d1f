// A small API client for tests: it calls the Worker's real fetch handler, carrying a session
// cookie or an API key, and parses problem+json and JSON bodies.
import { env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { createSession } from "../../worker/core/auth/sessions";
import { openDirectory } from "../../worker/core/data/database";
import { newId } from "../../worker/core/data/ids";
import { roles, users } from "../../worker/core/data/schema";

export const ORIGIN = "https://crm.test";

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

/** Something that answers requests like the Worker: the real one, or one built from test plugins. */
export interface Fetcher {
  fetch(request: Request): Promise<Response>;
}

export class ApiClient {
  constructor(
    readonly headers: Record<string, string> = {},
    readonly identity: { workspaceId?: string; userId?: string } = {},
    readonly worker: Fetcher = exports.default,
  ) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    // Like a browser on the app's own page, a cookie-carrying request says where it comes from.
    const browser: Record<string, string> = this.headers.cookie ? { origin: ORIGIN } : {};
    const init: RequestInit = { method, headers: { ...browser, ...this.headers, ...headers } };
    if (body !== undefined) {
      init.body = typeof body === "string" ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)["content-type"] ??= "application/json";
    }
    const response = await this.worker.fetch(new Request(`${ORIGIN}${path}`, init));
    const text = await response.text();
    const type = response.headers.get("content-type") ?? "";
    const parsed = type.includes("json") && text ? JSON.parse(text) : text;
    return { status: response.status, body: parsed as T, headers: response.headers, text };
  }

  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>("GET", path, undefined, headers);
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>("POST", path, body ?? {}, headers);
  }
  patch<T = any>(path: string, body: unknown, headers?: Record<string, string>) {
    return this.request<T>("PATCH", path, body, headers);
  }
  delete<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>("DELETE", path, undefined, headers);
  }

  /** The same identity speaking another language. */
  withLanguage(language: string): ApiClient {
    return new ApiClient({ ...this.headers, "accept-language": language }, this.identity, this.worker);
  }
}

export const anonymous = (worker?: Fetcher) => new ApiClient({}, {}, worker);

let counter = 0;
const uniqueEmail = (label: string) => `${label}-${Date.now()}-${counter++}@example.com`;

/** Signs a new business up through the real API; returns the owner's client. */
export async function signUp(options: { workspaceName?: string; locale?: "fa" | "en"; worker?: Fetcher } = {}) {
  const email = uniqueEmail("owner");
  const password = "correct horse battery staple";
  const response = await anonymous(options.worker).post("/api/auth/signup", {
    workspaceName: options.workspaceName ?? "Test shop",
    name: "Owner",
    email,
    password,
    locale: options.locale ?? "en",
  });
  if (response.status !== 201) throw new Error(`signup failed: ${response.status} ${response.text}`);
  const cookie = response.headers.get("set-cookie")!.split(";")[0]!;
  const owner = new ApiClient({ cookie }, { workspaceId: response.body.workspace.id, userId: response.body.user.id }, options.worker);
  return { owner, email, password, workspaceId: response.body.workspace.id as string, me: response.body };
}

/**
 * Adds a staff member with a role (built-in key or custom role key) to a workspace and signs
 * them in. Faster than an invitation round-trip; invitations have tests of their own.
 */
export async function addMember(workspaceId: string, roleKey: string, name = roleKey, worker?: Fetcher) {
  const directory = openDirectory(env);
  const role = await directory
    .select({ id: roles.id })
    .from(roles)
    .where(and(eq(roles.workspaceId, workspaceId), eq(roles.key, roleKey)))
    .get();
  if (!role) throw new Error(`no role ${roleKey}`);
  const userId = newId("usr");
  const time = Date.now();
  await directory.insert(users).values({
    id: userId,
    workspaceId,
    email: uniqueEmail(roleKey),
    name,
    passwordHash: null,
    roleId: role.id,
    createdAt: time,
    updatedAt: time,
  });
  const session = await createSession(directory, { id: userId, workspaceId }, { ip: null, userAgent: "test" });
  return new ApiClient({ cookie: `crm_session=${session.token}` }, { workspaceId, userId }, worker);
}

// The answer page's addresses: the page of a send (its token is the key), and one address per
// score for the e-mail's row of eleven links. Absolute when the Worker knows its URL (APP_URL).
import type { PluginContext } from "../../worker/plugin-api";

export const answerPath = (workspaceId: string, token: string, score?: number) => `/p/nps/${workspaceId}/a/${token}${score === undefined ? "" : `/${score}`}`;

export function answerUrl(ctx: PluginContext<unknown>, token: string, score?: number): string {
  const base = (ctx.env.APP_URL || "http://localhost:8787").replace(/\/+$/, "");
  return base + answerPath(ctx.workspaceId, token, score);
}

// The contract of the automation page: the blocks the web UI renders.
import { pluginRoute, problemResponses, UiSurface } from "../../worker/plugin-api";
import { AUTOMATION_PERMISSIONS as P } from "./permissions";

export const pageRoute = pluginRoute(P.read, {
  method: "get",
  path: "/ui/page",
  tags: ["Marketing automation"],
  summary: "The automation page",
  responses: { 200: { description: "The page's blocks.", content: { "application/json": { schema: UiSurface } } }, ...problemResponses },
});

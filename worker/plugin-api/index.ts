// The plugin contract: everything a plugin imports from the Worker comes from here.
export { definePlugin } from "./define-plugin";
export { HookRejection } from "./hook-rejection";
export { pluginContext } from "../core/plugin-runtime/plugin-context";
export { createRouter as createPluginRouter } from "../core/http/router";
export { guardedRoute as pluginRoute } from "../core/http/route";
export { problemResponses } from "../core/http/problem.schema";
export { createdAt, id, json, updatedAt, workspaceId } from "../core/data/columns";
export { cursorId, cursorTimeId, pageQuery, pageSchema, toPage } from "../core/data/cursor";
export { newId } from "../core/data/ids";
export { UiBlock, UiSurface, UiText, uiSurface } from "./ui-blocks";
export { customersTable, timelineNote } from "./customers";
export { registerSegmentField, savedSegments, segmentCondition, type SegmentField, type SegmentFieldContext } from "./segments";
export { addDays, CalendarDay, localDay, localMidnight, TimeOrDay, workspaceProfile, type WorkspaceProfile } from "./workspace";
export { pluginNotFound, pluginRefusal, type RefusalOptions } from "./problems";
export { pluginAuditEntry, type AuditFacts } from "./audit";
export type {
  BeforeHook,
  DeliveredEvent,
  HookContext,
  Localized,
  MessagingApi,
  OnHook,
  PluginContext,
  PluginDefinition,
  PluginPermission,
  PluginSchedule,
  PluginUi,
  ScheduleTiming,
  Statement,
} from "./types";

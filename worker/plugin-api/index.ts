// The plugin contract: everything a plugin imports from the Worker comes from here. Each export is
// listed, with its signature, in PLUGINS.md ("What worker/plugin-api exports"; a test compares).
export { definePlugin } from "./define-plugin";
export { HookRejection } from "./hook-rejection";
export { ActionRefusal, defineAction, PluginActionError, type PluginActionRefusal } from "./plugin-actions";
export { pluginContext } from "../core/plugin-runtime/plugin-context";
export { publicContext } from "../core/plugin-runtime/plugin-public";
export { createRouter as createPluginRouter } from "../core/http/router";
export { guardedRoute as pluginRoute, publicRoute as pluginPublicRoute, IdParam } from "../core/http/route";
export { CalendarDay, TimeOrDay } from "../core/calendar/calendar-day";
export { problemResponses } from "../core/http/problem.schema";
export { createdAt, id, json, updatedAt, workspaceId } from "../core/data/columns";
export { cursorId, cursorTimeId, pageQuery, pageSchema, toPage } from "../core/data/cursor";
export { newId } from "../core/data/ids";
export { UiBlock, UiSurface, UiText, uiSurface, uiText } from "./ui-blocks";
export { customersTable, hasAddress, timelineNote } from "./customers";
export { ordersTable } from "./orders";
export { customerSearch, filterCondition, savedSegments, segmentCondition, SegmentFilter, staticList } from "./segments";
export { addDays, formatMoney, localDay, localMidnight, workspaceProfile, type WorkspaceProfile } from "./workspace";
export { isConstraintError, onlyIf } from "./conditional-writes";
export { queriesPerInvocation } from "../core/import/chunk-rows";
export { pluginNotFound, pluginRefusal, refusalCode, type RefusalOptions } from "./problems";
export { pluginAuditEntry, type AuditFacts } from "./audit";
export { activeMembers, followUpTask, type FollowUpTask } from "./tasks";
export { changeCustomerProfile, type CustomerProfileChange } from "./customer-profile";
export { callWebhook, newSigningSecret, openSecret, sealSecret, webhookUrlRefusal, type WebhookAnswer, type WebhookCall } from "./outgoing-webhook";
export type {
  BeforeHook,
  DeliveredEvent,
  EventMap,
  HookContext,
  JobContext,
  Localized,
  MessageChannel,
  MessagePurpose,
  MessageSkipReason,
  MessagingApi,
  MessagingPolicy,
  OnHook,
  PluginAction,
  PluginActionResult,
  PluginActor,
  PluginContext,
  PluginDefinition,
  PluginJob,
  PluginPermission,
  PluginSchedule,
  PluginSegmentField,
  PluginUi,
  PublicContext,
  RouteContext,
  ScheduleTiming,
  SendRequest,
  SendResult,
  SmsPreview,
  Statement,
} from "./types";

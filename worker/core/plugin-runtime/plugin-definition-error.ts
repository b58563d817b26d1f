// A plugin whose definition is broken stops the Worker at start-up with a named code, rather
// than failing a request at 3 a.m.
export type PluginDefinitionErrorCode =
  | "PLUGIN_INVALID_ID"
  | "PLUGIN_DUPLICATE_ID"
  | "PLUGIN_INVALID_VERSION"
  | "PLUGIN_MISSING_TEXT"
  | "PLUGIN_PERMISSION_PREFIX"
  | "PLUGIN_SETTINGS_DEFAULTS"
  | "PLUGIN_EVENT_PREFIX"
  | "PLUGIN_UNKNOWN_EVENT"
  | "PLUGIN_UNKNOWN_BEFORE_EVENT"
  | "PLUGIN_INVALID_SCHEDULE"
  | "PLUGIN_UNKNOWN_PERMISSION"
  | "PLUGIN_UI_SOURCE_NOT_FOUND"
  | "PLUGIN_BULK_SEND_WITHOUT_PAGE"
  | "PLUGIN_SEGMENT_FIELD_TAKEN"
  | "PLUGIN_PUBLIC_ROUTE_GUARDED"
  | "PLUGIN_MESSAGE_TAKEN";

export class PluginDefinitionError extends Error {
  constructor(
    readonly code: PluginDefinitionErrorCode,
    readonly pluginId: string,
    detail: string,
  ) {
    super(`${code} (plugin "${pluginId}"): ${detail}`);
    this.name = "PluginDefinitionError";
  }
}

// Texts of the automation plugin that are not tied to one screen.
import type { Localized } from "../../worker/plugin-api";

export const PLUGIN_NAME: Localized = { en: "Marketing automation", fa: "بازاریابی خودکار" };

export const CAMPAIGN_NOT_EDITABLE: Localized = {
  en: "this campaign has already been sent or scheduled",
  fa: "این کمپین پیش‌تر ارسال یا زمان‌بندی شده است",
};

export const CAMPAIGN_WRONG_STATE: Localized = {
  en: "the campaign is not in a state that allows this",
  fa: "وضعیت کمپین اجازهٔ این کار را نمی‌دهد",
};

export const SEND_AT_PAST: Localized = { en: "the time has already passed", fa: "این زمان گذشته است" };

export const ASSIGNEE_NOT_MEMBER: Localized = {
  en: "the task's assignee is not an active member of this workspace",
  fa: "مسئول این کار از اعضای فعال این کسب‌وکار نیست",
};

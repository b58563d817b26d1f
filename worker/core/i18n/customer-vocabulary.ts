// The words for a customer's coded values (stage, consent, gender, kind) in both languages: one
// table read by the web UI and by the export, so a stage is called the same everywhere.
export const CUSTOMER_VOCABULARY = {
  en: {
    stage_prospect: "Prospect",
    stage_new: "New",
    stage_active: "Active",
    stage_at_risk: "At risk",
    stage_lapsed: "Lapsed",
    stage_won_back: "Won back",
    consent_unknown: "Not asked",
    consent_granted: "Granted",
    consent_withdrawn: "Withdrawn",
    gender_female: "Female",
    gender_male: "Male",
    gender_other: "Other",
    person: "Person",
    organization: "Organization",
  },
  fa: {
    stage_prospect: "بالقوه",
    stage_new: "جدید",
    stage_active: "فعال",
    stage_at_risk: "در معرض ریزش",
    stage_lapsed: "ازدست‌رفته",
    stage_won_back: "بازگشته",
    consent_unknown: "پرسیده نشده",
    consent_granted: "موافق",
    consent_withdrawn: "لغو شده",
    gender_female: "زن",
    gender_male: "مرد",
    gender_other: "دیگر",
    person: "شخص",
    organization: "سازمان",
  },
} as const satisfies Record<"en" | "fa", Record<string, string>>;

export type CustomerWord = keyof (typeof CUSTOMER_VOCABULARY)["en"];

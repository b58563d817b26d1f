// Iran's 31 provinces, stored by their Persian name (what shops and couriers write) and shown in
// the reader's language.

export const PROVINCES: ReadonlyArray<{ fa: string; en: string }> = [
  { fa: "آذربایجان شرقی", en: "East Azerbaijan" },
  { fa: "آذربایجان غربی", en: "West Azerbaijan" },
  { fa: "اردبیل", en: "Ardabil" },
  { fa: "اصفهان", en: "Isfahan" },
  { fa: "البرز", en: "Alborz" },
  { fa: "ایلام", en: "Ilam" },
  { fa: "بوشهر", en: "Bushehr" },
  { fa: "تهران", en: "Tehran" },
  { fa: "چهارمحال و بختیاری", en: "Chaharmahal and Bakhtiari" },
  { fa: "خراسان جنوبی", en: "South Khorasan" },
  { fa: "خراسان رضوی", en: "Razavi Khorasan" },
  { fa: "خراسان شمالی", en: "North Khorasan" },
  { fa: "خوزستان", en: "Khuzestan" },
  { fa: "زنجان", en: "Zanjan" },
  { fa: "سمنان", en: "Semnan" },
  { fa: "سیستان و بلوچستان", en: "Sistan and Baluchestan" },
  { fa: "فارس", en: "Fars" },
  { fa: "قزوین", en: "Qazvin" },
  { fa: "قم", en: "Qom" },
  { fa: "کردستان", en: "Kurdistan" },
  { fa: "کرمان", en: "Kerman" },
  { fa: "کرمانشاه", en: "Kermanshah" },
  { fa: "کهگیلویه و بویراحمد", en: "Kohgiluyeh and Boyer-Ahmad" },
  { fa: "گلستان", en: "Golestan" },
  { fa: "گیلان", en: "Gilan" },
  { fa: "لرستان", en: "Lorestan" },
  { fa: "مازندران", en: "Mazandaran" },
  { fa: "مرکزی", en: "Markazi" },
  { fa: "هرمزگان", en: "Hormozgan" },
  { fa: "همدان", en: "Hamadan" },
  { fa: "یزد", en: "Yazd" },
];

/** The select's options: none, the 31 provinces, and a stored value that is none of them (kept, not lost). */
export function provinceOptions(language: "fa" | "en", current: string, noneLabel: string): Array<{ value: string; label: string }> {
  const known = PROVINCES.some((province) => province.fa === current);
  return [
    { value: "", label: noneLabel },
    ...PROVINCES.map((province) => ({ value: province.fa, label: province[language] })),
    ...(current && !known ? [{ value: current, label: current }] : []),
  ];
}

/** A stored province in the reader's language: its name when it is one of the 31, else as stored. */
export function provinceName(province: string, language: "fa" | "en"): string {
  return PROVINCES.find((known) => known.fa === province)?.[language] ?? province;
}

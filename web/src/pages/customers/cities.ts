// The main cities of each of Iran's 31 provinces (its capital first, then its larger cities), keyed
// by the province's Persian name as provinces.ts stores it. Cities are not a closed list: the form
// offers these and still takes any other name, stored as typed.

export interface City {
  fa: string;
  en: string;
}

const c = (fa: string, en: string): City => ({ fa, en });

export const CITIES: Readonly<Record<string, ReadonlyArray<City>>> = {
  "آذربایجان شرقی": [c("تبریز", "Tabriz"), c("مراغه", "Maragheh"), c("مرند", "Marand"), c("میانه", "Mianeh"), c("اهر", "Ahar"), c("بناب", "Bonab"), c("سراب", "Sarab"), c("آذرشهر", "Azarshahr"), c("شبستر", "Shabestar")],
  "آذربایجان غربی": [c("ارومیه", "Urmia"), c("خوی", "Khoy"), c("میاندوآب", "Miandoab"), c("بوکان", "Bukan"), c("مهاباد", "Mahabad"), c("سلماس", "Salmas"), c("پیرانشهر", "Piranshahr"), c("نقده", "Naqadeh"), c("ماکو", "Maku")],
  اردبیل: [c("اردبیل", "Ardabil"), c("پارس‌آباد", "Parsabad"), c("مشگین‌شهر", "Meshginshahr"), c("خلخال", "Khalkhal"), c("گرمی", "Germi")],
  اصفهان: [c("اصفهان", "Isfahan"), c("کاشان", "Kashan"), c("خمینی‌شهر", "Khomeyni Shahr"), c("نجف‌آباد", "Najafabad"), c("شاهین‌شهر", "Shahin Shahr"), c("شهرضا", "Shahreza"), c("فولادشهر", "Fuladshahr"), c("مبارکه", "Mobarakeh"), c("گلپایگان", "Golpayegan"), c("نطنز", "Natanz")],
  البرز: [c("کرج", "Karaj"), c("فردیس", "Fardis"), c("کمال‌شهر", "Kamalshahr"), c("نظرآباد", "Nazarabad"), c("محمدشهر", "Mohammadshahr"), c("هشتگرد", "Hashtgerd")],
  ایلام: [c("ایلام", "Ilam"), c("دهلران", "Dehloran"), c("ایوان", "Eyvan"), c("آبدانان", "Abdanan"), c("دره‌شهر", "Darreh Shahr"), c("مهران", "Mehran")],
  بوشهر: [c("بوشهر", "Bushehr"), c("برازجان", "Borazjan"), c("بندر گناوه", "Bandar Ganaveh"), c("بندر کنگان", "Bandar Kangan"), c("خورموج", "Khormuj"), c("جم", "Jam"), c("عسلویه", "Asaluyeh"), c("بندر دیلم", "Bandar Deylam")],
  تهران: [c("تهران", "Tehran"), c("اسلامشهر", "Eslamshahr"), c("شهریار", "Shahriar"), c("ملارد", "Malard"), c("قدس", "Qods"), c("پاکدشت", "Pakdasht"), c("قرچک", "Qarchak"), c("ورامین", "Varamin"), c("رباط‌کریم", "Robat Karim"), c("پردیس", "Pardis"), c("دماوند", "Damavand"), c("فیروزکوه", "Firuzkuh")],
  "چهارمحال و بختیاری": [c("شهرکرد", "Shahrekord"), c("بروجن", "Borujen"), c("فارسان", "Farsan"), c("لردگان", "Lordegan"), c("هفشجان", "Hafshejan")],
  "خراسان جنوبی": [c("بیرجند", "Birjand"), c("قائن", "Qaen"), c("طبس", "Tabas"), c("فردوس", "Ferdows"), c("نهبندان", "Nehbandan")],
  "خراسان رضوی": [c("مشهد", "Mashhad"), c("نیشابور", "Neyshabur"), c("سبزوار", "Sabzevar"), c("تربت حیدریه", "Torbat-e Heydarieh"), c("قوچان", "Quchan"), c("کاشمر", "Kashmar"), c("تربت جام", "Torbat-e Jam"), c("گناباد", "Gonabad"), c("چناران", "Chenaran")],
  "خراسان شمالی": [c("بجنورد", "Bojnurd"), c("شیروان", "Shirvan"), c("اسفراین", "Esfarayen"), c("جاجرم", "Jajarm"), c("آشخانه", "Ashkhaneh")],
  خوزستان: [c("اهواز", "Ahvaz"), c("دزفول", "Dezful"), c("آبادان", "Abadan"), c("بندر ماهشهر", "Bandar-e Mahshahr"), c("خرمشهر", "Khorramshahr"), c("اندیمشک", "Andimeshk"), c("بهبهان", "Behbahan"), c("ایذه", "Izeh"), c("شوشتر", "Shushtar"), c("مسجدسلیمان", "Masjed Soleyman"), c("شوش", "Shush"), c("رامهرمز", "Ramhormoz")],
  زنجان: [c("زنجان", "Zanjan"), c("ابهر", "Abhar"), c("خرمدره", "Khorramdarreh"), c("قیدار", "Qeydar")],
  سمنان: [c("سمنان", "Semnan"), c("شاهرود", "Shahrud"), c("دامغان", "Damghan"), c("گرمسار", "Garmsar")],
  "سیستان و بلوچستان": [c("زاهدان", "Zahedan"), c("زابل", "Zabol"), c("ایرانشهر", "Iranshahr"), c("چابهار", "Chabahar"), c("خاش", "Khash"), c("سراوان", "Saravan")],
  فارس: [c("شیراز", "Shiraz"), c("مرودشت", "Marvdasht"), c("جهرم", "Jahrom"), c("فسا", "Fasa"), c("کازرون", "Kazerun"), c("لار", "Lar"), c("داراب", "Darab"), c("آباده", "Abadeh"), c("فیروزآباد", "Firuzabad")],
  قزوین: [c("قزوین", "Qazvin"), c("الوند", "Alvand"), c("تاکستان", "Takestan"), c("آبیک", "Abyek"), c("بوئین‌زهرا", "Buin Zahra")],
  قم: [c("قم", "Qom"), c("جعفریه", "Jafarieh"), c("قنوات", "Qanavat")],
  کردستان: [c("سنندج", "Sanandaj"), c("سقز", "Saqqez"), c("مریوان", "Marivan"), c("بانه", "Baneh"), c("قروه", "Qorveh"), c("بیجار", "Bijar"), c("کامیاران", "Kamyaran")],
  کرمان: [c("کرمان", "Kerman"), c("سیرجان", "Sirjan"), c("رفسنجان", "Rafsanjan"), c("جیرفت", "Jiroft"), c("بم", "Bam"), c("زرند", "Zarand"), c("کهنوج", "Kahnuj"), c("شهربابک", "Shahr-e Babak")],
  کرمانشاه: [c("کرمانشاه", "Kermanshah"), c("اسلام‌آباد غرب", "Eslamabad-e Gharb"), c("کنگاور", "Kangavar"), c("هرسین", "Harsin"), c("سنقر", "Sonqor"), c("جوانرود", "Javanrud"), c("پاوه", "Paveh"), c("سرپل ذهاب", "Sarpol-e Zahab")],
  "کهگیلویه و بویراحمد": [c("یاسوج", "Yasuj"), c("دوگنبدان", "Dogonbadan"), c("دهدشت", "Dehdasht"), c("لیکک", "Likak")],
  گلستان: [c("گرگان", "Gorgan"), c("گنبد کاووس", "Gonbad-e Kavus"), c("علی‌آباد کتول", "Aliabad-e Katul"), c("بندر ترکمن", "Bandar Torkaman"), c("آزادشهر", "Azadshahr"), c("کردکوی", "Kordkuy"), c("مینودشت", "Minudasht")],
  گیلان: [c("رشت", "Rasht"), c("بندر انزلی", "Bandar Anzali"), c("لاهیجان", "Lahijan"), c("لنگرود", "Langarud"), c("هشتپر", "Hashtpar"), c("آستارا", "Astara"), c("صومعه‌سرا", "Sowme'eh Sara"), c("رودسر", "Rudsar"), c("آستانه اشرفیه", "Astaneh-ye Ashrafiyeh")],
  لرستان: [c("خرم‌آباد", "Khorramabad"), c("بروجرد", "Borujerd"), c("دورود", "Dorud"), c("الیگودرز", "Aligudarz"), c("کوهدشت", "Kuhdasht"), c("نورآباد", "Nurabad"), c("ازنا", "Azna")],
  مازندران: [c("ساری", "Sari"), c("بابل", "Babol"), c("آمل", "Amol"), c("قائم‌شهر", "Qaem Shahr"), c("بهشهر", "Behshahr"), c("چالوس", "Chalus"), c("تنکابن", "Tonekabon"), c("نوشهر", "Nowshahr"), c("بابلسر", "Babolsar"), c("نکا", "Neka"), c("رامسر", "Ramsar")],
  مرکزی: [c("اراک", "Arak"), c("ساوه", "Saveh"), c("خمین", "Khomein"), c("محلات", "Mahallat"), c("دلیجان", "Delijan"), c("شازند", "Shazand"), c("تفرش", "Tafresh")],
  هرمزگان: [c("بندرعباس", "Bandar Abbas"), c("میناب", "Minab"), c("قشم", "Qeshm"), c("بندر لنگه", "Bandar Lengeh"), c("کیش", "Kish"), c("جاسک", "Jask"), c("حاجی‌آباد", "Hajiabad")],
  همدان: [c("همدان", "Hamadan"), c("ملایر", "Malayer"), c("نهاوند", "Nahavand"), c("تویسرکان", "Tuyserkan"), c("اسدآباد", "Asadabad"), c("کبودرآهنگ", "Kabudarahang"), c("رزن", "Razan")],
  یزد: [c("یزد", "Yazd"), c("میبد", "Meybod"), c("اردکان", "Ardakan"), c("بافق", "Bafq"), c("مهریز", "Mehriz"), c("ابرکوه", "Abarkuh"), c("تفت", "Taft")],
};

/** The listed cities of a province (none for an empty or unlisted one). */
export function citiesOf(province: string): ReadonlyArray<City> {
  return CITIES[province] ?? [];
}

/** Whether a stored city is one of the province's listed cities (else it was typed as "other"). */
export function isListedCity(province: string, city: string): boolean {
  return citiesOf(province).some((listed) => listed.fa === city);
}

/** A stored city in the reader's language: its listed name when known, else as stored. */
export function cityName(city: string, province: string | null, language: "fa" | "en"): string {
  const inProvince = province ? citiesOf(province).find((listed) => listed.fa === city) : undefined;
  const listed = inProvince ?? Object.values(CITIES).flat().find((one) => one.fa === city);
  return listed ? listed[language] : city;
}

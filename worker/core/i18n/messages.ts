// Every user-facing error message, in English and Persian, keyed by a stable code.
// Field-level codes (invalid_mobile, ...) are also used as zod issue messages.
import type { Locale } from "./locale";
import { nameOf } from "./names";

export const messages = {
  // Problems (whole-request)
  validation_failed: { en: "The request has invalid fields.", fa: "برخی از فیلدهای درخواست نامعتبر است." },
  value_required: { en: "This field is required.", fa: "پر کردن این فیلد الزامی است." },
  number_too_big: { en: "Must be at most {limit}.", fa: "حداکثر {limit} مجاز است." },
  number_too_small: { en: "Must be at least {limit}.", fa: "دست‌کم باید {limit} باشد." },
  number_below: { en: "Must be less than {limit}.", fa: "باید کمتر از {limit} باشد." },
  number_above: { en: "Must be more than {limit}.", fa: "باید بیشتر از {limit} باشد." },
  wrong_type: { en: "Expected {type}.", fa: "باید {type} باشد." },
  list_too_short: { en: "Give at least {limit} items.", fa: "دست‌کم {limit} مورد لازم است." },
  list_too_long: { en: "Give at most {limit} items.", fa: "حداکثر {limit} مورد مجاز است." },
  text_too_long: { en: "Use at most {limit} characters.", fa: "حداکثر {limit} نویسه مجاز است." },
  unauthenticated: { en: "Sign in to continue.", fa: "برای ادامه وارد شوید." },
  forbidden: { en: "You do not have permission to do this.", fa: "شما اجازهٔ انجام این کار را ندارید." },
  not_found: { en: "Not found.", fa: "پیدا نشد." },
  conflict: { en: "This conflicts with an existing record.", fa: "این مورد با یک رکورد موجود تداخل دارد." },
  identifier_taken: {
    en: "Another customer already has this identifier.",
    fa: "این شناسه متعلق به مشتری دیگری است.",
  },
  email_taken: { en: "This e-mail is already registered.", fa: "این ایمیل قبلاً ثبت شده است." },
  email_released: {
    en: "A colleague invited with this e-mail address now uses it, because your sign-up with it was never confirmed. Sign up again with another address.",
    fa: "این ایمیل اکنون از آنِ همکاری است که با آن دعوت شده، چون ثبت‌نام شما با آن هرگز تأیید نشده بود. با نشانی دیگری دوباره ثبت‌نام کنید.",
  },
  invalid_credentials: { en: "The e-mail or password is wrong.", fa: "ایمیل یا رمز عبور اشتباه است." },
  login_locked: {
    en: "Too many failed sign-in attempts. Try again in {wait}.",
    fa: "تلاش‌های ناموفق زیادی انجام شد. {wait} دیگر دوباره تلاش کنید.",
  },
  signup_limited: {
    en: "Too many sign-ups from this address. Try again in {wait}.",
    fa: "از این نشانی ثبت‌نام‌های زیادی انجام شده است. {wait} دیگر دوباره تلاش کنید.",
  },
  identifier_probes_limited: {
    en: "Too many searches by mobile, e-mail or national code. Try again in {wait}.",
    fa: "جست‌وجو با موبایل، ایمیل یا کد ملی بیش از حد مجاز انجام شد. {wait} دیگر دوباره تلاش کنید.",
  },
  public_rate_limited: {
    en: "Too many requests from here. Try again in {seconds} seconds.",
    fa: "درخواست‌ها از این نشانی بیش از حد است. {seconds} ثانیهٔ دیگر دوباره تلاش کنید.",
  },
  password_recovery_limited: {
    en: "Too many password-recovery requests. Try again in {wait}.",
    fa: "درخواست‌های بازیابی گذرواژه بیش از حد است. {wait} دیگر دوباره تلاش کنید.",
  },
  sign_in_code_limited: {
    en: "A code was asked for too often. Try again in {wait}.",
    fa: "کد بیش از حد درخواست شد. {wait} دیگر دوباره تلاش کنید.",
  },
  sign_in_code_wrong: { en: "This code is not right.", fa: "این کد درست نیست." },
  sign_in_code_expired: {
    en: "This code has expired or was replaced by a newer one. Ask for a new code.",
    fa: "این کد منقضی شده یا کد تازه‌تری جای آن را گرفته است. کد تازه‌ای بخواهید.",
  },
  sign_in_code_attempts: {
    en: "Too many wrong tries for this code. Ask for a new code.",
    fa: "برای این کد بیش از حد اشتباه وارد شد. کد تازه‌ای بخواهید.",
  },
  sms_sign_in_owner_only: { en: "Only an owner can change sign-in by SMS code.", fa: "فقط مالک می‌تواند ورود با کد پیامکی را تغییر دهد." },
  sms_sign_in_needs_provider: {
    en: "Set up an SMS provider first (Settings → Messaging).",
    fa: "نخست یک سرویس پیامک تنظیم کنید (تنظیمات ← پیام‌رسانی).",
  },
  mobile_taken: { en: "Another staff member already uses this mobile.", fa: "این موبایل از آنِ همکار دیگری است." },
  csrf_rejected: { en: "The request came from another site.", fa: "درخواست از سایت دیگری ارسال شده است." },
  invitation_invalid: {
    en: "This link is invalid, used or expired.",
    fa: "این پیوند نامعتبر، استفاده‌شده یا منقضی است.",
  },
  cid_change_blocked: {
    en: "Some customers do not have an identifier of this kind yet.",
    fa: "برخی از مشتریان هنوز شناسه‌ای از این نوع ندارند.",
  },
  cid_required: {
    en: "The workspace's customer identifier ({kind}) is required.",
    fa: "شناسهٔ مشتری این کسب‌وکار ({kind}) الزامی است.",
  },
  cid_identifier_protected: {
    en: "This is the customer's identifier (CID) in this workspace; replace it instead of removing it.",
    fa: "این شناسهٔ اصلی مشتری (CID) در این کسب‌وکار است؛ به‌جای حذف، آن را جایگزین کنید.",
  },
  issued_code_protected: {
    en: "The customer code the system issued cannot be removed.",
    fa: "کد مشتری که سامانه صادر کرده قابل حذف نیست.",
  },
  merge_same_customer: { en: "A customer cannot be merged into itself.", fa: "یک مشتری را نمی‌توان با خودش ادغام کرد." },
  role_protected: { en: "The owner role cannot be changed.", fa: "نقش مالک قابل تغییر نیست." },
  last_owner: { en: "A workspace must keep at least one owner.", fa: "هر کسب‌وکار باید دست‌کم یک مالک داشته باشد." },
  owner_only: {
    en: "Only an owner can grant the owner role or change an owner.",
    fa: "فقط مالک می‌تواند نقش مالک را بدهد یا مالکی را تغییر دهد.",
  },
  role_key_taken: { en: "A role with this key already exists.", fa: "نقشی با این کلید از قبل وجود دارد." },
  role_owner_only: { en: "Only an owner can change the built-in admin role.", fa: "فقط مالک می‌تواند نقش پیش‌فرض مدیر سیستم را تغییر دهد." },
  role_not_grantable: {
    en: "You can change only a role you could give in full; this one holds permissions you do not have.",
    fa: "فقط نقشی را می‌توانید تغییر دهید که بتوانید کامل به کسی بدهید؛ این نقش دسترسی‌هایی دارد که شما ندارید.",
  },
  reset_needs_email: {
    en: "Only an owner can receive a reset link. Set up an e-mail provider (Settings → Messaging) so the link goes to the person's own inbox.",
    fa: "پیوند بازنشانی را فقط مالک می‌تواند بگیرد. یک سرویس ایمیل (تنظیمات ← پیام‌رسانی) راه بیندازید تا پیوند به صندوق خود آن شخص برود.",
  },
  reset_email_failed: {
    en: "The reset e-mail could not be sent; the person's password is cleared. Try again later.",
    fa: "ایمیل بازنشانی ارسال نشد؛ گذرواژهٔ آن شخص پاک شده است. بعداً دوباره تلاش کنید.",
  },
  payload_too_large: { en: "The request body is too large.", fa: "حجم درخواست بیش از حد مجاز است." },
  unsupported_media_type: {
    en: "Send the body as JSON, with the header Content-Type: application/json.",
    fa: "بدنهٔ درخواست را به‌صورت JSON و با سرآیند Content-Type: application/json بفرستید.",
  },
  rejected_by_plugin: { en: "The {plugin} plugin refused this change: {reason}", fa: "افزونهٔ {plugin} این تغییر را نپذیرفت: {reason}" },
  plugin_not_found: { en: "No such plugin.", fa: "چنین افزونه‌ای وجود ندارد." },
  delivery_not_dead: { en: "This delivery is not in the dead-letter list.", fa: "این ارسال در فهرست ارسال‌های ناموفق نیست." },
  internal_error: { en: "Something went wrong on our side.", fa: "خطایی در سرور رخ داد." },
  encryption_key_missing: {
    en: "The server cannot keep secrets: its encryption key is not set up. Ask the operator to set ENCRYPTION_KEY.",
    fa: "سرور نمی‌تواند کلیدهای محرمانه را نگه دارد: کلید رمزنگاری آن تنظیم نشده است. از گردانندهٔ سرور بخواهید ENCRYPTION_KEY را تنظیم کند.",
  },
  secret_unreadable: {
    en: "A stored secret cannot be decrypted with the server's keys. Ask the operator to check ENCRYPTION_KEY and ENCRYPTION_KEY_PREVIOUS.",
    fa: "یک کلید محرمانهٔ ذخیره‌شده با کلیدهای سرور رمزگشایی نمی‌شود. از گردانندهٔ سرور بخواهید ENCRYPTION_KEY و ENCRYPTION_KEY_PREVIOUS را بررسی کند.",
  },
  webhook_signature_invalid: {
    en: "The webhook signature is missing or does not match this connection's secret.",
    fa: "امضای وب‌هوک وجود ندارد یا با کلید این اتصال مطابقت ندارد.",
  },
  // Field-level
  invalid_mobile: {
    en: "Enter an Iranian mobile number, e.g. 0912 123 4567.",
    fa: "شمارهٔ موبایل ایران را وارد کنید، مثلاً ۰۹۱۲۱۲۳۴۵۶۷.",
  },
  invalid_national_code: { en: "This national code is not valid.", fa: "کد ملی نامعتبر است." },
  invalid_email: { en: "Enter a valid e-mail address.", fa: "یک ایمیل معتبر وارد کنید." },
  invalid_username: {
    en: "A username is 2 to 64 letters, digits, dots, dashes or underscores.",
    fa: "نام کاربری باید ۲ تا ۶۴ حرف، رقم، نقطه، خط تیره یا زیرخط باشد.",
  },
  invalid_issued_code: { en: "This is not a customer code (e.g. C-00042).", fa: "این کد مشتری نیست (مثلاً C-00042)." },
  invalid_postal_code: {
    en: "A postal code is 10 digits, e.g. 12345-67890.",
    fa: "کد پستی ۱۰ رقم است، مثلاً ۱۲۳۴۵-۶۷۸۹۰.",
  },
  invalid_identifier: { en: "This identifier is not recognised.", fa: "این شناسه شناخته نشد." },
  unknown_filter_field: { en: "There is no such filter field.", fa: "چنین فیلد فیلتری وجود ندارد." },
  invalid_cursor: { en: "The cursor is invalid; start from the first page.", fa: "نشانگر صفحه نامعتبر است." },
  weak_password: { en: "Use at least 10 characters.", fa: "دست‌کم ۱۰ نویسه وارد کنید." },
  wrong_current_password: { en: "This is not your current password.", fa: "این گذرواژهٔ فعلی شما نیست." },
  password_unchanged: { en: "Choose a password other than the current one.", fa: "گذرواژه‌ای غیر از گذرواژهٔ فعلی انتخاب کنید." },
  unknown_permission: { en: "Unknown permission.", fa: "مجوز ناشناخته." },
  permission_not_held: {
    en: "You cannot grant a permission you do not hold yourself.",
    fa: "نمی‌توانید مجوزی را بدهید که خودتان ندارید.",
  },
  invalid_role_key: {
    en: "Use 2 to 40 lower-case letters, digits, dashes or underscores, starting with a letter.",
    fa: "از ۲ تا ۴۰ حرف کوچک لاتین، رقم، خط تیره یا زیرخط استفاده کنید که با حرف شروع شود.",
  },
  nothing_to_change: { en: "Send at least one field to change.", fa: "دست‌کم یک فیلد را برای تغییر بفرستید." },
  expiry_in_past: { en: "The expiry must be in the future.", fa: "زمان انقضا باید در آینده باشد." },
  invalid_range: { en: "The start must not be after the end.", fa: "زمان شروع نباید بعد از پایان باشد." },
  name_required: { en: "Enter your name.", fa: "نام خود را وارد کنید." },
  unknown_user: { en: "No such user in this workspace.", fa: "چنین کاربری در این کسب‌وکار نیست." },
  unknown_role: { en: "No such role in this workspace.", fa: "چنین نقشی در این کسب‌وکار نیست." },
  digest_channel_unavailable: {
    en: "This workspace has no provider set for that channel; ask the owner to set one in Settings → Messaging.",
    fa: "برای این کانال در این کسب‌وکار سرویس‌دهنده‌ای تنظیم نشده است؛ از مالک بخواهید در تنظیمات ← پیام‌رسانی تنظیمش کند.",
  },
  digest_mobile_required: { en: "Add your mobile under My profile to get the digest by SMS.", fa: "برای گرفتن خلاصه با پیامک، شمارهٔ موبایل خود را در «نمایهٔ من» وارد کنید." },
  unknown_customer: { en: "No such customer in this workspace.", fa: "چنین مشتری‌ای در این کسب‌وکار نیست." },
  unknown_list: { en: "No such list in this workspace.", fa: "چنین فهرستی در این کسب‌وکار نیست." },
  list_name_taken: { en: "A list with this name already exists.", fa: "فهرستی با این نام از قبل هست." },
  confirm_count_mismatch: {
    en: "{count} customers match now; type that number to confirm.",
    fa: "اکنون {count} مشتری مطابق است؛ برای تأیید همین عدد را وارد کنید.",
  },
  too_many_rows_for_excel: {
    en: "{count} customers match, more than an Excel sheet holds ({limit}); export them as CSV instead.",
    fa: "{count} مشتری مطابق است، بیش از گنجایش یک برگهٔ اکسل ({limit})؛ به‌جای آن خروجی CSV بگیرید.",
  },
  invalid_time_zone: { en: "Unknown time zone.", fa: "منطقهٔ زمانی ناشناخته است." },
  invalid_currency: { en: "Use IRR, IRT or an ISO 4217 code.", fa: "از IRR، IRT یا یک کد ISO 4217 استفاده کنید." },
  invalid_date: { en: "Use a date like 1990-03-21.", fa: "تاریخ را به شکل 1990-03-21 وارد کنید." },
  invalid_time: { en: "Use a time with its offset, like 2025-03-21T09:30:00+03:30.", fa: "زمان را همراه با اختلاف ساعت وارد کنید، مانند 2025-03-21T09:30:00+03:30." },
  not_a_real_date: {
    en: "There is no such day in the calendar (like 30 February); enter a real date.",
    fa: "چنین روزی در تقویم وجود ندارد (مانند ۳۰ فوریه یا ۳۰ اسفند سال غیرکبیسه)؛ تاریخی واقعی وارد کنید.",
  },
  invalid_channel: {
    en: "A channel is a short name in Latin letters and digits, such as instagram, telegram or phone.",
    fa: "کانال یک نام کوتاه با حروف لاتین و رقم است، مانند instagram، telegram یا phone.",
  },
  channel_required: { en: "Say which network the message came through (channel).", fa: "مشخص کنید پیام از کدام شبکه آمده است (کانال)." },
  direction_required: { en: "Say whether the customer or we reached out (direction).", fa: "مشخص کنید تماس از سوی مشتری بوده یا از سوی ما (جهت)." },
  invalid_attribute_key: {
    en: "Use up to 40 lower-case Latin letters, digits or underscores, starting with a letter.",
    fa: "حداکثر ۴۰ حرف کوچک لاتین، رقم یا زیرخط به کار ببرید که با حرف شروع شود.",
  },
  attribute_key_taken: { en: "An attribute with this key already exists.", fa: "ویژگی‌ای با این کلید از قبل وجود دارد." },
  duplicate_choice: { en: "Each choice may appear only once.", fa: "هر گزینه فقط یک بار می‌تواند بیاید." },
  choices_required: { en: "A choice attribute needs at least one choice.", fa: "ویژگی چندگزینه‌ای دست‌کم یک گزینه لازم دارد." },
  choices_only_for_choice: { en: "Only a choice attribute has choices.", fa: "فقط ویژگی چندگزینه‌ای گزینه دارد." },
  attribute_not_text: { en: "Enter some text.", fa: "متنی وارد کنید." },
  attribute_not_number: { en: "Enter a number.", fa: "یک عدد وارد کنید." },
  attribute_not_boolean: { en: "Choose yes or no.", fa: "بله یا خیر را انتخاب کنید." },
  attribute_not_date: { en: "Enter a real date, like 1990-03-21.", fa: "تاریخی واقعی وارد کنید، مانند 1990-03-21." },
  attribute_not_a_choice: { en: "Choose one of: {choices}.", fa: "یکی از این‌ها را انتخاب کنید: {choices}." },
  only_for_calls: { en: "Only a call has an outcome and a duration.", fa: "فقط تماس تلفنی نتیجه و مدت دارد." },
  only_for_complaints: { en: "Only a complaint has a status.", fa: "فقط شکایت وضعیت دارد." },
  occurred_in_future: { en: "This time has not come yet.", fa: "این زمان هنوز فرا نرسیده است." },
  shop_secret_required: {
    en: "Enter the secret the shop signs its webhooks with.",
    fa: "کلیدی را که فروشگاه وب‌هوک‌ها را با آن امضا می‌کند وارد کنید.",
  },
  shop_secret_generated: {
    en: "A generic connection's secret is generated; do not send one.",
    fa: "کلید اتصال عمومی خودکار ساخته می‌شود؛ آن را نفرستید.",
  },
  shop_keys_rejected: {
    en: "The shop did not accept this key. Check the consumer key and secret (WooCommerce → Settings → Advanced → REST API) or the access token.",
    fa: "فروشگاه این کلید را نپذیرفت. کلید و رمز مصرف‌کننده (ووکامرس ← تنظیمات ← پیشرفته ← REST API) یا توکن دسترسی را بررسی کنید.",
  },
  shop_keys_read_only: {
    en: "This key can read but not create webhooks. Give it Read/Write permissions in the shop, then try again.",
    fa: "این کلید فقط خواندنی است و نمی‌تواند وب‌هوک بسازد. در فروشگاه دسترسی «خواندن/نوشتن» به آن بدهید و دوباره تلاش کنید.",
  },
  shop_unreachable: {
    en: "The shop could not be reached at this address. Check the address (https) and that the site is online.",
    fa: "فروشگاه در این نشانی در دسترس نبود. نشانی (https) و روشن بودن سایت را بررسی کنید.",
  },
  shop_api_failed: {
    en: "The shop's API answered with an error ({status}). Check that this is the shop's address and its REST API is on.",
    fa: "رابط برنامه‌نویسی فروشگاه با خطا پاسخ داد ({status}). بررسی کنید که نشانی فروشگاه درست و REST API آن روشن باشد.",
  },
  shop_busy: { en: "The shop asked us to wait a moment; try again shortly.", fa: "فروشگاه خواست کمی صبر کنیم؛ چند لحظهٔ دیگر دوباره تلاش کنید." },
  shop_consumer_key_format: { en: "A WooCommerce consumer key starts with ck_.", fa: "کلید مصرف‌کنندهٔ ووکامرس با ck_ شروع می‌شود." },
  shop_consumer_secret_format: { en: "A WooCommerce consumer secret starts with cs_.", fa: "رمز مصرف‌کنندهٔ ووکامرس با cs_ شروع می‌شود." },
  shop_import_running: { en: "An import of this shop is already running.", fa: "درون‌ریزی این فروشگاه هم‌اکنون در جریان است." },
  shop_not_connected_by_api: {
    en: "This connection was made by hand; it has no API key to import with. Connect the shop in one step instead.",
    fa: "این اتصال دستی ساخته شده و کلید API برای درون‌ریزی ندارد. فروشگاه را به روش یک‌مرحله‌ای وصل کنید.",
  },
  invalid_url: { en: "Enter a full URL, e.g. https://hooks.example.com/crm.", fa: "یک نشانی کامل وارد کنید، مثلاً https://hooks.example.com/crm." },
  url_https_required: { en: "The URL must start with https://.", fa: "نشانی باید با https شروع شود." },
  url_has_credentials: {
    en: "Remove the user name and password from the URL: the URL is shown to admins. A receiver checks the signature or token instead.",
    fa: "نام کاربری و رمز را از نشانی حذف کنید؛ نشانی به مدیران نمایش داده می‌شود. گیرنده به‌جای آن امضا یا توکن را بررسی می‌کند.",
  },
  url_port_not_allowed: {
    en: "Use the standard https port (443) or 8443.",
    fa: "از درگاه استاندارد https (۴۴۳) یا ۸۴۴۳ استفاده کنید.",
  },
  url_not_public: {
    en: "This address is local, private or reserved; use a public host name.",
    fa: "این نشانی محلی، خصوصی یا رزروشده است؛ از یک نام میزبان عمومی استفاده کنید.",
  },
  invalid_event_name: {
    en: "Use an event name such as customer.created, or * for every event.",
    fa: "نام رویداد را مانند customer.created وارد کنید، یا * برای همهٔ رویدادها.",
  },
  // CSV import
  import_malformed_csv: {
    en: "The file is not valid CSV: a quote opened near row {row} is never closed.",
    fa: "فایل CSV معتبر نیست: نقل‌قولی که نزدیک ردیف {row} باز شده بسته نشده است.",
  },
  import_empty_file: { en: "The file has no header row.", fa: "فایل سطر عنوان ندارد." },
  import_too_many_columns: {
    en: "Row {row} of the file has more than {max} columns; keep only the columns you import.",
    fa: "ردیف {row} فایل بیش از {max} ستون دارد؛ فقط ستون‌هایی را که درون‌ریزی می‌کنید نگه دارید.",
  },
  import_cell_too_long: {
    en: "Column {column} of row {row} holds more than {max} characters.",
    fa: "ستون {column} در ردیف {row} بیش از {max} نویسه دارد.",
  },
  import_too_many_rows: { en: "The file has more than {max} rows; split it.", fa: "فایل بیش از {max} ردیف دارد؛ آن را چند بخش کنید." },
  import_unknown_field: { en: "Unknown field {given}; use one of: {fields}.", fa: "فیلد {given} ناشناخته است؛ یکی از این‌ها را به کار ببرید: {fields}." },
  import_unknown_column: { en: "The file has no column named {column}.", fa: "فایل ستونی به نام {column} ندارد." },
  import_duplicate_field: { en: "Two columns are mapped to {field}.", fa: "دو ستون به فیلد {field} نگاشت شده‌اند." },
  import_mapping_required: { en: "Map a column to {field}.", fa: "یک ستون را به فیلد {field} نگاشت کنید." },
  import_identifier_required: {
    en: "The row has no identifier (mobile, e-mail, national code or username).",
    fa: "این ردیف هیچ شناسه‌ای (موبایل، ایمیل، کد ملی یا نام کاربری) ندارد.",
  },
  import_ambiguous_match: {
    en: "This identifier belongs to another customer than the row's other identifiers.",
    fa: "این شناسه متعلق به مشتری دیگری است تا شناسه‌های دیگر این ردیف.",
  },
  import_customer_not_found: { en: "No customer of this workspace has this identifier.", fa: "هیچ مشتری‌ای در این کسب‌وکار این شناسه را ندارد." },
  invalid_amount: { en: "Enter an amount such as 1250000 or 12.50.", fa: "مبلغ را مانند ۱۲۵۰۰۰۰ یا 12.50 وارد کنید." },
  invalid_order_status: {
    en: "Use pending, paid, refunded or cancelled.",
    fa: "یکی از pending (در انتظار)، paid (پرداخت‌شده)، refunded (مرجوعی) یا cancelled (لغوشده) را وارد کنید.",
  },
  import_job_failed: { en: "The import stopped: {reason}", fa: "درون‌ریزی متوقف شد: {reason}" },
  // Orders and stats
  customer_required: { en: "Give either customerId or identifier.", fa: "مشتری سفارش را مشخص کنید: با شناسهٔ مشتری در سامانه یا یکی از شناسه‌های او." },
  total_required: { en: "Give the items or the total.", fa: "اقلام یا مبلغ کل را وارد کنید." },
  negative_or_fractional_amount: { en: "Enter a whole, non-negative amount in minor units.", fa: "مبلغ را به‌صورت عدد صحیح و نامنفی وارد کنید." },
  refund_exceeds_total: { en: "Refunds cannot exceed the order's total.", fa: "مبلغ بازپرداخت نمی‌تواند از مبلغ کل سفارش بیشتر باشد." },
  refund_or_status: { en: "Change the status or refund an amount, not both at once.", fa: "یا وضعیت را تغییر دهید یا مبلغی را بازپرداخت کنید، نه هر دو." },
  invalid_order_transition: { en: "An order that is {from} cannot become {to}.", fa: "سفارشی که در وضعیت {from} است نمی‌تواند به {to} تغییر کند." },
  period_too_long: { en: "A period is at most {days} days.", fa: "بازهٔ زمانی حداکثر {days} روز است." },
  // Messaging
  idempotency_key_reused: {
    en: "This idempotency key was already used for another message.",
    fa: "این کلید یکتایی پیش‌تر برای پیام دیگری به کار رفته است.",
  },
  invalid_api_key: { en: "This key is not in a valid form.", fa: "قالب این کلید نامعتبر است." },
  invalid_sender_line: { en: "A sender line is a number of 3 to 20 digits.", fa: "شمارهٔ خط فرستنده باید ۳ تا ۲۰ رقم باشد." },
  secret_required: { en: "Enter the key; none is stored for this provider yet.", fa: "کلید را وارد کنید؛ هنوز کلیدی برای این سرویس ذخیره نشده است." },
  subject_required: { en: "An e-mail needs a subject.", fa: "ایمیل به موضوع نیاز دارد." },
  not_outbox_message: { en: "Only a message kept by the outbox can get a simulated report.", fa: "فقط برای پیامی که در صندوق خروجی ثبت شده می‌توان گزارش آزمایشی فرستاد." },
  not_outbox_channel: { en: "Simulated replies work only while SMS uses the outbox.", fa: "پاسخ آزمایشی فقط وقتی کار می‌کند که پیامک روی صندوق خروجی باشد." },
  too_many_callback_items: { en: "A callback carries at most {max} reports or replies; send the rest in another.", fa: "هر فراخوان حداکثر {max} گزارش یا پاسخ دارد؛ بقیه را در فراخوان دیگری بفرستید." },
  invalid_time_range: { en: "The start of the range must come before its end.", fa: "آغاز بازه باید پیش از پایان آن باشد." },
  invalid_idempotency_key: {
    en: "Use up to 120 Latin letters, digits or symbols, without spaces.",
    fa: "حداکثر ۱۲۰ حرف لاتین، رقم یا نماد، بدون فاصله وارد کنید.",
  },
  text_or_template_required: { en: "Give the text or a template, not both.", fa: "متن یا یک قالب را بدهید، نه هر دو." },
  unknown_template: { en: "There is no template with this name.", fa: "قالبی با این نام وجود ندارد." },
  template_name_taken: { en: "Another template has this name.", fa: "قالب دیگری همین نام را دارد." },
  template_channel_mismatch: { en: "This template is for the other channel.", fa: "این قالب برای کانال دیگری است." },
  unknown_placeholder: {
    en: "Unknown placeholder {placeholder}; the known ones are {known}.",
    fa: "جای‌نگهدار {placeholder} شناخته نیست؛ جای‌نگهدارهای شناخته: {known}.",
  },
  template_variable_missing: { en: "The text needs a value for {placeholder}.", fa: "متن به مقداری برای {placeholder} نیاز دارد." },
  invalid_clock_time: { en: "Enter a time such as 09:00.", fa: "ساعتی مانند ۰۹:۰۰ وارد کنید." },
  quiet_hours_empty: { en: "The sending window must end after it starts.", fa: "پایان بازهٔ ارسال باید پس از آغاز آن باشد." },
  cap_day_above_week: { en: "The daily cap cannot exceed the weekly cap.", fa: "سقف روزانه نمی‌تواند از سقف هفتگی بیشتر باشد." },
  invalid_link_url: { en: "Enter a web address starting with https:// or http://.", fa: "نشانی وبی وارد کنید که با https:// یا http:// شروع شود." },
  // Loyalty club settings
  first_tier_threshold: { en: "The first tier starts at 0.", fa: "نخستین سطح باید از ۰ شروع شود." },
  tier_thresholds_ascending: {
    en: "Each tier needs more than the one before it.",
    fa: "آستانهٔ هر سطح باید از سطح پیش از آن بیشتر باشد.",
  },
  duplicate_tier_key: { en: "Two tiers have this key.", fa: "دو سطح این کلید را دارند." },
} as const satisfies Record<string, Record<Locale, string>>;

export type MessageCode = keyof typeof messages;

export function isMessageCode(value: string): value is MessageCode {
  return Object.hasOwn(messages, value);
}

/** A message in the reader's language; a parameter naming a field, kind or status is named in it too. */
export function translate(code: MessageCode, locale: Locale, params: Record<string, string | number> = {}): string {
  return messages[code][locale].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    return typeof value === "string" ? nameOf(name, value, locale) : String(value);
  });
}

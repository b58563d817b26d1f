// My profile: anyone's own name, language and mobile (PATCH /api/auth/me), their password and
// their daily task digest. The session is loaded again afterwards, so the new language takes effect at once.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { Card } from "../../components/card";
import { commonMessages } from "../../components/common.messages";
import { MobileField, SelectField, TextField } from "../../components/field";
import { ErrorNotice } from "../../components/states";
import { useToast } from "../../components/toast";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { profileMessages } from "./profile.messages";
import { useRoleName } from "./role-names";
import { EmbeddedText } from "../../components/embedded-text";
import { ChangePasswordCard } from "./change-password-card";
import { TaskDigestCard } from "./task-digest-card";

/** +989121234567 as Iranians write it: 09121234567. */
const localMobile = (canonical: string) => (canonical.startsWith("+98") ? `0${canonical.slice(3)}` : canonical);

export function ProfileSection() {
  const t = useMessages(profileMessages);
  const common = useMessages(commonMessages);
  const toast = useToast();
  const { me, refresh, can } = useSession();
  const [name, setName] = useState(me?.user.name ?? "");
  const [locale, setLocale] = useState<string>(me?.user.locale ?? "");
  const [mobile, setMobile] = useState(me?.user.mobile ? localMobile(me.user.mobile) : "");
  const roleName = useRoleName();
  const save = useAction(async () => {
    await api.patch("/api/auth/me", { name, locale: locale === "" ? null : locale, mobile: mobile.trim() === "" ? null : mobile });
    await refresh();
    toast(common("saved"));
  });
  if (!me) return null;
  const workspaceLanguage = me.workspace.locale === "fa" ? t("persian") : t("english");
  return (
    <>
      <Card title={t("heading")} labelledBy="profile-heading">
        <form
          class="form settings-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save.run();
          }}
        >
          <dl class="facts">
            <div>
              <dt>{t("email")}</dt>
              <dd>
                <EmbeddedText class="ltr">{me.user.email}</EmbeddedText>
              </dd>
            </div>
            <div>
              <dt>{t("role")}</dt>
              <dd>{roleName(me.role)}</dd>
            </div>
          </dl>
          <TextField label={t("name")} name="name" value={name} onValue={setName} error={save.error?.fieldError("name")} required autoComplete="name" />
          <SelectField
            label={t("language")}
            name="locale"
            value={locale}
            onValue={setLocale}
            hint={t("languageHint")}
            error={save.error?.fieldError("locale")}
            options={[
              { value: "", label: t("workspaceLanguage", { language: workspaceLanguage }) },
              { value: "fa", label: t("persian") },
              { value: "en", label: t("english") },
            ]}
          />
          <MobileField label={t("mobile")} value={mobile} onValue={setMobile} hint={t("mobileHint")} error={save.error?.fieldError("mobile")} />
          {save.error && !save.error.problem.errors?.length && <ErrorNotice error={save.error} />}
          <div class="form__actions">
            <Button type="submit" variant="primary" busy={save.busy}>
              {common("save")}
            </Button>
          </div>
        </form>
      </Card>
      <ChangePasswordCard />
      {can("tasks:read") && <TaskDigestCard />}
    </>
  );
}

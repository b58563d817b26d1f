// My daily task digest (GET/PUT /api/tasks/digest): off, by e-mail or by SMS, offered only for
// the channels the workspace has a provider for; SMS only once my profile (above) has my mobile.
import { useEffect, useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { Card } from "../../components/card";
import { commonMessages } from "../../components/common.messages";
import { SelectField } from "../../components/field";
import { ErrorNotice, Loading } from "../../components/states";
import { useToast } from "../../components/toast";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { taskDigestMessages } from "./task-digest.messages";

type Channel = "off" | "email" | "sms";

interface TaskDigest {
  channel: Channel;
  mobile: string | null;
  offered: { email: boolean; sms: boolean };
}

export function TaskDigestCard() {
  const t = useMessages(taskDigestMessages);
  const common = useMessages(commonMessages);
  const toast = useToast();
  const { me } = useSession();
  const [digest, setDigest] = useState<TaskDigest>();
  const [channel, setChannel] = useState<Channel>("off");
  const load = useAction(async () => {
    const answer = await api.get<TaskDigest>("/api/tasks/digest");
    setDigest(answer);
    setChannel(answer.channel);
  });
  useEffect(() => void load.run(), []);
  const save = useAction(async () => {
    const answer = await api.put<TaskDigest>("/api/tasks/digest", { channel });
    setDigest(answer);
    toast(common("saved"));
  });

  const offered = digest?.offered;
  // The profile form above sets the mobile and reloads the session.
  const mobile = me?.user.mobile ?? digest?.mobile ?? null;
  const options = [
    { value: "off", label: t("off") },
    ...(offered?.email || channel === "email" ? [{ value: "email", label: t("email", { address: me?.user.email ?? "" }) }] : []),
    ...((offered?.sms && mobile) || channel === "sms" ? [{ value: "sms", label: t("sms") }] : []),
  ];

  return (
    <Card title={t("heading")} labelledBy="task-digest-heading">
      {!digest ? (
        load.error ? <ErrorNotice error={load.error} onRetry={() => void load.run()} /> : <Loading />
      ) : !offered?.email && !offered?.sms && digest.channel === "off" ? (
        <p class="muted">{t("unavailable")}</p>
      ) : (
        <form
          class="form settings-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save.run();
          }}
        >
          <p class="muted">{t("intro")}</p>
          {offered?.sms && !mobile && <p class="muted small">{t("smsNeedsMobile")}</p>}
          <SelectField label={t("channel")} name="taskDigest" value={channel} onValue={(value) => setChannel(value as Channel)} options={options} error={save.error?.fieldError("channel")} />
          {save.error && !save.error.problem.errors?.length && <ErrorNotice error={save.error} />}
          <div class="form__actions">
            <Button type="submit" variant="primary" busy={save.busy}>
              {common("save")}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}

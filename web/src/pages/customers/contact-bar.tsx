// The contact bar at the top of the customer page (pinned at the bottom on a phone): call, SMS,
// WhatsApp, Telegram and e-mail. Numbers stay masked: pressing a button asks the API for the
// number behind that one action (audited each time) and offers the link that starts it, so a call
// is two taps. Absent for staff without customers.pii:read. SMS opens the send-SMS quick action
// when the workspace can send, so the message is recorded on the timeline.
import { AtSign, MessageCircle, MessageSquare, Phone, Send } from "lucide-preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { api, ApiError } from "../../api/client";
import { Button } from "../../components/button";
import { ErrorNotice } from "../../components/states";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { contactBarMessages } from "./contact-bar.messages";
import type { Customer } from "./customer-types";
import { mobileText } from "./mobile-text";

type Channel = "call" | "sms" | "whatsapp" | "telegram" | "email";
interface Contact {
  channel: Channel;
  value: string;
  href: string;
}

const ICONS = { call: Phone, sms: MessageSquare, whatsapp: MessageCircle, telegram: Send, email: AtSign } as const;

export function ContactBar({ customer, onSms }: { customer: Customer; onSms?: () => void }) {
  const t = useMessages(contactBarMessages);
  const f = useFormat();
  const { can } = useSession();
  const [contact, setContact] = useState<Contact | null>(null);
  const [busy, setBusy] = useState<Channel | null>(null);
  const [error, setError] = useState<ApiError>();
  const link = useRef<HTMLAnchorElement>(null);
  // A revealed number belongs to one action on one customer: another customer starts masked.
  useEffect(() => setContact(null), [customer.id]);
  useEffect(() => link.current?.focus(), [contact]);
  if (!can("customers.pii:read")) return null;

  const channels: Channel[] = customer.mobile ? ["call", "sms", "whatsapp", "telegram"] : [];
  if (customer.email) channels.push("email");
  if (channels.length === 0) return null;

  const use = async (channel: Channel) => {
    if (channel === "sms" && onSms) return onSms();
    setBusy(channel);
    setError(undefined);
    try {
      setContact(await api.post<Contact>(`/api/customers/${encodeURIComponent(customer.id)}/contact`, { channel }));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError({ status: 0, detail: String(caught) }));
    } finally {
      setBusy(null);
    }
  };
  const shown = (value: string) => (contact?.channel === "email" ? value : f.digits(mobileText(value)));
  const external = contact?.href.startsWith("https:");

  return (
    <section class="contact-bar" aria-label={t("title")}>
      <div class="contact-bar__buttons">
        {channels.map((channel) => {
          const Icon = ICONS[channel];
          return (
            <Button key={channel} small busy={busy === channel} aria-pressed={contact?.channel === channel} onClick={() => void use(channel)}>
              <Icon size={16} aria-hidden="true" />
              {t(channel)}
            </Button>
          );
        })}
      </div>
      {contact && (
        <p class="contact-bar__go" role="status">
          <a ref={link} class="button button--primary button--small" href={contact.href} {...(external ? { target: "_blank", rel: "noopener noreferrer" } : {})} data-native="">
            <span dir="auto">{t(`go_${contact.channel}`, { value: "" })}</span>
            <bdi dir="ltr" class="ltr-value">
              {shown(contact.value)}
            </bdi>
          </a>
          <span class="muted small">{t("revealedNote")}</span>
        </p>
      )}
      <ErrorNotice error={error} />
    </section>
  );
}

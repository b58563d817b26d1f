// Handler for one contact action: the unmasked mobile or e-mail, the link that starts the action,
// and the audit row saying who revealed it and for what.
import { audit } from "../audit/audit";
import { localMobile } from "../cid/normalize-mobile";
import { createRouter } from "../http/router";
import { notFound } from "../http/problem";
import { contactRoute, type ContactChannel } from "./customer-contact.routes";
import { presentOne } from "./customer-reads";

/** The link of each channel; WhatsApp and Telegram take the number in international form. */
function hrefOf(channel: ContactChannel, value: string): string {
  switch (channel) {
    case "call":
      return `tel:${value}`;
    case "sms":
      return `sms:${value}`;
    case "whatsapp":
      return `https://wa.me/${value.slice(1)}`;
    case "telegram":
      return `https://t.me/${value}`;
    case "email":
      return `mailto:${value}`;
  }
}

export const customerContactRouter = createRouter().openapi(contactRoute, async (c) => {
  const { id } = c.req.valid("param");
  const { channel } = c.req.valid("json");
  const customer = await presentOne(c, id, true);
  const canonical = channel === "email" ? customer.email : customer.mobile;
  if (!canonical) throw notFound();
  await audit(c, { action: "customer.pii_revealed", entityType: "customer", entityId: customer.id, customerId: customer.id, details: { for: channel } });
  const value = channel === "email" ? canonical : localMobile(canonical);
  return c.json({ channel, value, href: hrefOf(channel, canonical) }, 200);
});

// A customer typed into a filter: an id as it is, anything else an identifier (code, mobile,
// e-mail…) looked up; an unknown one becomes a field error on "customer".
import { ApiError, api } from "../../api/client";

export async function customerIdFrom(typed: string, notFound: string): Promise<string> {
  const text = typed.trim();
  if (!text || text.startsWith("cus_")) return text;
  try {
    return (await api.get<{ id: string }>("/api/customers/lookup", { identifier: text })).id;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) throw new ApiError({ status: 404, errors: [{ path: "customer", code: "not_found", message: notFound }] });
    throw error;
  }
}

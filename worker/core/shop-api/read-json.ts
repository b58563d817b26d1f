// A shop's JSON answer read the way deliveries are (parseBody): 64-bit ids kept exact. Null when
// the answer is not JSON.
import { parseBody } from "../webhooks-in/mappings/map-delivery";

export async function readJson(response: Response): Promise<unknown> {
  try {
    return parseBody(await response.text());
  } catch {
    return null;
  }
}

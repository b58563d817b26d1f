// What a plugin may know of core's orders: the table, to read (e.g. a club crediting past paid
// orders once). Orders are written through the API and the shop feeds only, so their events,
// figures and rollups stay right.
import { orders } from "../core/data/schema";

/** Core's orders, for reads and joins only: always filter by workspace_id. */
export const ordersTable = orders;

// Handlers for the static-lists contract.
import { actorOf } from "../auth/auth.middleware";
import { cursorId, toPage } from "../data/cursor";
import { newId } from "../data/ids";
import { notFound, Problem } from "../http/problem";
import { createRouter } from "../http/router";
import { isUniqueViolation } from "../customers/customers.repository";
import { changeListMembersRoute, createCustomerListRoute, deleteCustomerListRoute, listCustomerListsRoute } from "./customer-lists.routes";
import {
  changeMembersStatements,
  deleteCustomerListStatements,
  findCustomerList,
  insertCustomerList,
  listCustomerLists,
  listSize,
  presentCustomerList,
} from "./customer-lists.repository";

export const customerListsRouter = createRouter()
  .openapi(listCustomerListsRoute, async (c) => {
    const { cursor, limit } = c.req.valid("query");
    const rows = await listCustomerLists(c.get("scope"), cursorId(cursor), limit);
    return c.json(toPage(rows, limit, ({ list }) => [list.id], ({ list, size }) => presentCustomerList(list, Number(size))), 200);
  })
  .openapi(createCustomerListRoute, async (c) => {
    const scope = c.get("scope");
    const id = newId("lst");
    try {
      await insertCustomerList(scope, { id, name: c.req.valid("json").name, createdBy: actorOf(c).userId }).run();
    } catch (error) {
      if (isUniqueViolation(error) || isUniqueViolation((error as Error)?.cause)) throw new Problem(409, "list_name_taken", { errors: [{ path: "body.name", code: "list_name_taken" }] });
      throw error;
    }
    return c.json(presentCustomerList((await findCustomerList(scope, id))!, 0), 201);
  })
  .openapi(deleteCustomerListRoute, async (c) => {
    const scope = c.get("scope");
    const { id } = c.req.valid("param");
    if (!(await findCustomerList(scope, id))) throw notFound();
    await scope.db.batch(deleteCustomerListStatements(scope, id));
    return c.body(null, 204);
  })
  .openapi(changeListMembersRoute, async (c) => {
    const scope = c.get("scope");
    const { id } = c.req.valid("param");
    const { add = [], remove = [] } = c.req.valid("json");
    if (!(await findCustomerList(scope, id))) throw notFound();
    await scope.db.batch(changeMembersStatements(scope, id, add, remove) as never);
    const [list, size] = await Promise.all([findCustomerList(scope, id), listSize(scope, id)]);
    return c.json(presentCustomerList(list!, size), 200);
  });

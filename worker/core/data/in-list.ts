// `column IN (list)` with the whole list bound as one JSON parameter: D1 binds at most 100
// parameters per statement, and a page of 200 ids must not become a 500.
import { sql, type Column, type SQL } from "drizzle-orm";

export const jsonList = (values: readonly unknown[]): SQL => sql`(select value from json_each(${JSON.stringify(values)}))`;

export const inList = (column: Column | SQL, values: readonly unknown[]): SQL => sql`${column} in ${jsonList(values)}`;

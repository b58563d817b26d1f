// Column helpers shared by every table: ids are time-ordered text, times are epoch milliseconds.
import { integer, text } from "drizzle-orm/sqlite-core";

export const id = () => text("id").primaryKey();
export const workspaceId = () => text("workspace_id").notNull();
export const createdAt = () => integer("created_at").notNull();
export const updatedAt = () => integer("updated_at").notNull();
export const json = <T>(name: string) => text(name, { mode: "json" }).$type<T>();

// Raffles among members: the entrants are the live members matching a saved segment (or all) with
// at least a minimum balance; the draw (raffle-draw.ts) runs on a fresh random seed; its inputs and
// result are stored in one batch with its event, so the draw can be shown to be fair later
// (GET /raffles/{id}/verify runs it again). Winners are told by SMS (consent respected).
import type { LoyaltyEvents } from "./events";
import { and, asc, desc, eq, gte, inArray, isNull, lt, type SQL } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import { customersTable, newId, pluginRefusal, segmentCondition, workspaceProfile, type PluginContext, type Statement } from "../../worker/plugin-api";
import type { RaffleCreateInput, RaffleSchema } from "./api-schemas";
import { drawWinners, entrantsDigest, newSeed, RAFFLE_ALGORITHM, sortedEntrants } from "./raffle-draw";
import { loyaltyMembers, loyaltyRaffleEntrants, loyaltyRaffles } from "./schema";
import type { LoyaltySettings } from "./settings";
import { PLUGIN_NAME, raffleWon } from "./texts";

export type RaffleRow = typeof loyaltyRaffles.$inferSelect;
const CHUNK = 1000;

async function entrantsFor(ctx: PluginContext<unknown>, minBalance: number, segment: SQL | null): Promise<string[]> {
  const rows = await ctx.db
    .select({ customerId: loyaltyMembers.customerId })
    .from(loyaltyMembers)
    .innerJoin(customersTable, and(eq(customersTable.workspaceId, loyaltyMembers.workspaceId), eq(customersTable.id, loyaltyMembers.customerId)))
    .where(
      and(
        eq(loyaltyMembers.workspaceId, ctx.workspaceId),
        gte(loyaltyMembers.balance, minBalance),
        isNull(loyaltyMembers.erasedAt),
        isNull(customersTable.erasedAt),
        isNull(customersTable.mergedInto),
        segment ?? undefined,
      ),
    )
    .orderBy(asc(loyaltyMembers.customerId));
  return sortedEntrants(rows.map((row) => row.customerId));
}

export async function storedEntrants(ctx: PluginContext<unknown>, raffleId: string): Promise<string[]> {
  const chunks = await ctx.db
    .select({ ids: loyaltyRaffleEntrants.customerIds })
    .from(loyaltyRaffleEntrants)
    .where(and(eq(loyaltyRaffleEntrants.workspaceId, ctx.workspaceId), eq(loyaltyRaffleEntrants.raffleId, raffleId)))
    .orderBy(asc(loyaltyRaffleEntrants.chunk));
  return chunks.flatMap((chunk) => chunk.ids);
}

export async function drawRaffle(
  ctx: PluginContext<LoyaltySettings, LoyaltyEvents>,
  input: z.infer<typeof RaffleCreateInput>,
  drawnBy: string | null,
  alongside: (raffle: RaffleRow) => Statement[],
): Promise<RaffleRow> {
  let segment: { name: string; condition: SQL } | null = null;
  if (input.segmentId) {
    segment = await segmentCondition(ctx, input.segmentId);
    if (!segment) throw pluginRefusal(422, PLUGIN_NAME, { en: "no such segment.", fa: "چنین بخشی وجود ندارد." }, { field: "segmentId", reason: "unknown_segment" });
  }
  const entrants = await entrantsFor(ctx, input.minBalance, segment?.condition ?? null);
  const seed = newSeed();
  const at = ctx.now();
  const raffle: RaffleRow = {
    id: newId("lrf", at),
    workspaceId: ctx.workspaceId,
    name: input.name,
    segmentId: input.segmentId ?? null,
    segmentName: segment?.name ?? null,
    minBalance: input.minBalance,
    winnersWanted: input.winners,
    algorithm: RAFFLE_ALGORITHM,
    seed,
    entrantsCount: entrants.length,
    entrantsDigest: await entrantsDigest(entrants),
    winners: await drawWinners(seed, entrants, input.winners),
    drawnBy,
    createdAt: at,
  };
  const chunks: Statement[] = [];
  for (let start = 0, chunk = 0; start < entrants.length; start += CHUNK, chunk++) {
    chunks.push(
      ctx.db.insert(loyaltyRaffleEntrants).values({ id: newId("lre", at), workspaceId: ctx.workspaceId, raffleId: raffle.id, chunk, customerIds: entrants.slice(start, start + CHUNK) }),
    );
  }
  await ctx.db.batch([ctx.db.insert(loyaltyRaffles).values(raffle), ...chunks, ctx.event("loyalty.raffle_drawn", { raffleId: raffle.id, winners: raffle.winners }), ...alongside(raffle)]);
  if (input.notify) {
    const profile = await workspaceProfile(ctx);
    for (const customerId of raffle.winners) {
      await ctx.messaging.send({ customerId, channel: "sms", purpose: "transactional", body: raffleWon(raffle.name, profile.locale, profile.name), idempotencyKey: `raffle:${raffle.id}:${customerId}` });
    }
  }
  return raffle;
}

export async function findRaffle(ctx: PluginContext<unknown>, raffleId: string): Promise<RaffleRow | null> {
  const row = await ctx.db
    .select()
    .from(loyaltyRaffles)
    .where(and(eq(loyaltyRaffles.workspaceId, ctx.workspaceId), eq(loyaltyRaffles.id, raffleId)))
    .get();
  return row ?? null;
}

export function listRaffles(ctx: PluginContext<unknown>, before: string | null, limit: number) {
  return ctx.db
    .select()
    .from(loyaltyRaffles)
    .where(and(eq(loyaltyRaffles.workspaceId, ctx.workspaceId), before ? lt(loyaltyRaffles.id, before) : undefined))
    .orderBy(desc(loyaltyRaffles.id))
    .limit(limit + 1);
}

/** Display names of customers (winners, members), by id. */
export async function namesOf(ctx: PluginContext<unknown>, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (let start = 0; start < ids.length; start += 90) {
    const rows = await ctx.db
      .select({ id: customersTable.id, name: customersTable.displayName })
      .from(customersTable)
      .where(and(eq(customersTable.workspaceId, ctx.workspaceId), inArray(customersTable.id, ids.slice(start, start + 90) as string[])));
    for (const row of rows) names.set(row.id, row.name);
  }
  return names;
}

export function presentRaffle(row: RaffleRow, names: Map<string, string>): z.infer<typeof RaffleSchema> {
  return {
    id: row.id,
    name: row.name,
    segmentId: row.segmentId,
    segmentName: row.segmentName,
    minBalance: row.minBalance,
    winnersWanted: row.winnersWanted,
    algorithm: row.algorithm,
    seed: row.seed,
    entrantsCount: row.entrantsCount,
    entrantsDigest: row.entrantsDigest,
    winners: row.winners.map((customerId) => ({ customerId, displayName: names.get(customerId) ?? "" })),
    drawnBy: row.drawnBy,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

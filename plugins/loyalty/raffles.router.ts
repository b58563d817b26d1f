// Handlers of raffles and the club's figures.
import type { LoyaltyEvents } from "./events";
import { createPluginRouter, cursorId, pluginAuditEntry, pluginContext, pluginNotFound, toPage } from "../../worker/plugin-api";
import { drawWinners, entrantsDigest } from "./raffle-draw";
import { drawRaffle, findRaffle, listRaffles, namesOf, presentRaffle, storedEntrants } from "./raffles";
import { drawRaffleRoute, getRaffleRoute, listRafflesRoute, summaryRoute, verifyRaffleRoute } from "./raffles.routes";
import type { LoyaltySettings } from "./settings";
import { clubSummary } from "./summary";

export const rafflesRouter = createPluginRouter()
  .openapi(listRafflesRoute, async (c) => {
    const ctx = pluginContext<LoyaltySettings, LoyaltyEvents>(c);
    const { cursor, limit } = c.req.valid("query");
    const rows = await listRaffles(ctx, cursorId(cursor), limit);
    const names = await namesOf(ctx, rows.flatMap((row) => row.winners));
    return c.json(toPage(rows, limit, (row) => [row.id], (row) => presentRaffle(row, names)), 200);
  })
  .openapi(drawRaffleRoute, async (c) => {
    const ctx = pluginContext<LoyaltySettings, LoyaltyEvents>(c);
    const input = c.req.valid("json");
    const raffle = await drawRaffle(ctx, input, ctx.actor.userId, (drawn) => [
      pluginAuditEntry(c, { action: "loyalty.raffle_drawn", entityType: "loyalty_raffle", entityId: drawn.id, details: { name: drawn.name, entrants: drawn.entrantsCount, winners: drawn.winners } }),
    ]);
    return c.json(presentRaffle(raffle, await namesOf(ctx, raffle.winners)), 201);
  })
  .openapi(getRaffleRoute, async (c) => {
    const ctx = pluginContext<LoyaltySettings, LoyaltyEvents>(c);
    const raffle = await findRaffle(ctx, c.req.valid("param").raffleId);
    if (!raffle) throw pluginNotFound();
    return c.json(presentRaffle(raffle, await namesOf(ctx, raffle.winners)), 200);
  })
  .openapi(verifyRaffleRoute, async (c) => {
    const ctx = pluginContext<LoyaltySettings, LoyaltyEvents>(c);
    const raffle = await findRaffle(ctx, c.req.valid("param").raffleId);
    if (!raffle) throw pluginNotFound();
    const entrants = await storedEntrants(ctx, raffle.id);
    const digest = await entrantsDigest(entrants);
    const recomputed = await drawWinners(raffle.seed, entrants, raffle.winnersWanted);
    return c.json(
      {
        raffleId: raffle.id,
        entrantsDigest: digest,
        digestMatches: digest === raffle.entrantsDigest,
        recomputedWinners: recomputed,
        winnersMatch: JSON.stringify(recomputed) === JSON.stringify(raffle.winners),
        entrants,
      },
      200,
    );
  })
  .openapi(summaryRoute, async (c) => c.json(await clubSummary(pluginContext<LoyaltySettings, LoyaltyEvents>(c)), 200));

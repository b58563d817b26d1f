// The contract of raffles and the club's figures.
import { z } from "@hono/zod-openapi";
import { pageQuery, pageSchema, pluginRoute, problemResponses } from "../../worker/plugin-api";
import { RaffleCreateInput, RaffleIdParam, RaffleSchema, RaffleVerification, SummarySchema } from "./api-schemas";
import { LOYALTY_PERMISSIONS as P } from "./permissions";

const tags = ["Loyalty club"];
const json = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { "application/json": { schema } } });

export const listRafflesRoute = pluginRoute(P.read, {
  method: "get",
  path: "/raffles",
  tags,
  summary: "Raffles drawn, newest first",
  request: { query: z.object(pageQuery) },
  responses: { 200: json("A page of raffles.", pageSchema(RaffleSchema)), ...problemResponses },
});

export const drawRaffleRoute = pluginRoute(P.manage, {
  method: "post",
  path: "/raffles",
  tags,
  summary: "Draws winners among members of a segment with a minimum balance, and notifies them",
  description: "The seed, the sorted entrants and the winners are stored, so the draw can be run again (GET /raffles/{raffleId}/verify).",
  request: { body: { content: { "application/json": { schema: RaffleCreateInput } }, required: true } },
  responses: { 201: json("The raffle and its winners.", RaffleSchema), 422: { description: "No such segment." }, ...problemResponses },
});

export const getRaffleRoute = pluginRoute(P.read, {
  method: "get",
  path: "/raffles/{raffleId}",
  tags,
  summary: "A raffle: its inputs and winners",
  request: { params: RaffleIdParam },
  responses: { 200: json("The raffle.", RaffleSchema), ...problemResponses },
});

export const verifyRaffleRoute = pluginRoute(P.read, {
  method: "get",
  path: "/raffles/{raffleId}/verify",
  tags,
  summary: "Runs the draw again from the stored seed and entrants, and says whether it gives the same winners",
  request: { params: RaffleIdParam },
  responses: { 200: json("The check.", RaffleVerification), ...problemResponses },
});

export const summaryRoute = pluginRoute(P.read, {
  method: "get",
  path: "/summary",
  tags,
  summary: "Members, and points earned, redeemed, expired and outstanding (the liability)",
  responses: { 200: json("The figures (one row read).", SummarySchema), ...problemResponses },
});

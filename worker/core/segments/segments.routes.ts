// The segments contract: preview a filter, save, read, change and delete segments, and page
// through a segment's customers. Reading needs customers:read; saving needs segments:manage.
import { pageSchema } from "../data/cursor";
import { CustomerSchema } from "../customers/customer.schemas";
import { problemResponses } from "../http/problem.schema";
import { guardedRoute, jsonBody, jsonResponse } from "../http/route";
import { SegmentCreateInput, SegmentCustomersQuery, SegmentIdParam, SegmentListQuery, SegmentPreviewInput, SegmentPreviewSchema, SegmentSchema, SegmentUpdateInput } from "./segment.schemas";

const segmentResponse = (description: string) => jsonResponse(description, SegmentSchema);

export const previewSegmentRoute = guardedRoute("customers:read", {
  method: "post",
  path: "/api/segments/preview",
  tags: ["Segments"],
  summary: "Count the customers a filter selects, with a few of them",
  description: "Nothing is saved. The count reads rows in proportion to the workspace; the sample is masked.",
  request: { body: jsonBody(SegmentPreviewInput) },
  responses: { 200: jsonResponse("The live count and a sample.", SegmentPreviewSchema), ...problemResponses },
});

export const listSegmentsRoute = guardedRoute("customers:read", {
  method: "get",
  path: "/api/segments",
  tags: ["Segments"],
  summary: "List saved segments, newest first",
  request: { query: SegmentListQuery },
  responses: { 200: jsonResponse("A page of segments.", pageSchema(SegmentSchema)), ...problemResponses },
});

export const createSegmentRoute = guardedRoute("segments:manage", {
  method: "post",
  path: "/api/segments",
  tags: ["Segments"],
  summary: "Save a segment",
  description: "Audited.",
  request: { body: jsonBody(SegmentCreateInput) },
  responses: { 201: segmentResponse("The new segment."), ...problemResponses },
});

export const getSegmentRoute = guardedRoute("customers:read", {
  method: "get",
  path: "/api/segments/{id}",
  tags: ["Segments"],
  summary: "A saved segment",
  request: { params: SegmentIdParam },
  responses: { 200: segmentResponse("The segment."), ...problemResponses },
});

export const updateSegmentRoute = guardedRoute("segments:manage", {
  method: "patch",
  path: "/api/segments/{id}",
  tags: ["Segments"],
  summary: "Rename a segment or change its filter",
  description: "A new filter replaces the old one whole. Audited.",
  request: { params: SegmentIdParam, body: jsonBody(SegmentUpdateInput) },
  responses: { 200: segmentResponse("The segment as it now is."), ...problemResponses },
});

export const deleteSegmentRoute = guardedRoute("segments:manage", {
  method: "delete",
  path: "/api/segments/{id}",
  tags: ["Segments"],
  summary: "Delete a segment",
  description: "The customers are untouched. Audited.",
  request: { params: SegmentIdParam },
  responses: { 204: { description: "Deleted." }, ...problemResponses },
});

export const segmentCustomersRoute = guardedRoute("customers:read", {
  method: "get",
  path: "/api/segments/{id}/customers",
  tags: ["Segments"],
  summary: "The customers a segment selects now, newest first",
  description: "Masked, as in the customer list; pages with the cursor.",
  request: { params: SegmentIdParam, query: SegmentCustomersQuery },
  responses: { 200: jsonResponse("A page of customers.", pageSchema(CustomerSchema)), ...problemResponses },
});

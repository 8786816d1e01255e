import { randomUUID } from "node:crypto";
import * as groupRoute from "@/app/scim/v2/Groups/[id]/route";
import * as groupsRoute from "@/app/scim/v2/Groups/route";
import * as resourceTypeRoute from "@/app/scim/v2/ResourceTypes/[id]/route";
import * as resourceTypesRoute from "@/app/scim/v2/ResourceTypes/route";
import * as schemaRoute from "@/app/scim/v2/Schemas/[uri]/route";
import * as schemasRoute from "@/app/scim/v2/Schemas/route";
import * as serviceProviderConfigRoute from "@/app/scim/v2/ServiceProviderConfig/route";
import * as userRoute from "@/app/scim/v2/Users/[id]/route";
import * as usersRoute from "@/app/scim/v2/Users/route";
import { createScimToken } from "@/lib/services/scim-tokens/create-scim-token";
import { trustDomains, uniqueDomain } from "@/tests/support/domains";
import { createUser, freshSessionActor } from "@/tests/support/factories";
import { createOrganizationFor } from "@/tests/support/organizations";

type Handler = (request: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", Handler>>;

/** Each collection's list route, its single resource's route, and the name of that route's parameter. */
const collections: Record<string, [RouteModule, RouteModule | null, string]> = {
  Users: [usersRoute, userRoute, "id"],
  Groups: [groupsRoute, groupRoute, "id"],
  ServiceProviderConfig: [serviceProviderConfigRoute, null, "id"],
  ResourceTypes: [resourceTypesRoute, resourceTypeRoute, "id"],
  Schemas: [schemasRoute, schemaRoute, "uri"],
};

export type ScimAnswer = { status: number; headers: Headers; body: Record<string, unknown> & { Resources?: Record<string, unknown>[] } };

/**
 * Calls the SCIM route handlers as Next.js would, with a bearer token: the same
 * wrapper, parsing and error mapping as in production, without a server.
 */
export async function scimRequest(
  token: string | null,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ScimAnswer> {
  const { pathname } = new URL(url, "http://localhost:3000");
  const [collection, id] = pathname.replace(/^\/scim\/v2\//, "").split("/");
  const [list, single, parameter = "id"] = collections[collection!] ?? [];
  const handler = (id ? single : list)?.[method as keyof RouteModule];
  if (!handler) throw new Error(`No SCIM route for ${method} ${pathname}`);
  const request = new Request(new URL(url, "http://localhost:3000"), {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { "content-type": "application/scim+json" } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await handler(request, {
    params: Promise.resolve<Record<string, string>>(id ? { [parameter]: decodeURIComponent(id) } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

/**
 * A new organization, its owner, and a SCIM token of it with a client bound to that token.
 * The organization holds `domains` verified (by default one of its own, `domain`), since
 * a directory manages only addresses there; `address()` makes a new address in the first,
 * where its owner's address is too.
 */
export async function organizationWithScimToken({ domains = [uniqueDomain()] }: { domains?: string[] } = {}) {
  const domain = domains[0] ?? uniqueDomain("unverified");
  const address = (label = "user") => `${label}-${randomUUID()}@${domain}`;
  const { user } = await createUser({ email: address("owner") });
  const owner = await freshSessionActor(user);
  const organization = await createOrganizationFor(owner);
  await trustDomains(organization.id, domains);
  const created = await createScimToken({ actor: owner, organizationId: organization.id, data: { name: "Directory" } });
  const scim = (method: string, url: string, body?: unknown, headers?: Record<string, string>) =>
    scimRequest(created.token, method, url, body, headers);
  return { owner, ownerUser: user, organization, token: created, scim, domain, address };
}

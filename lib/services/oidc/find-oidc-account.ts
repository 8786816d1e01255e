import "server-only";
import { db } from "@/lib/db";
import type { User } from "@/lib/generated/prisma/client";
import type { AttributeValues } from "@/lib/schemas/attributes";
import { findAttributeValues } from "@/lib/services/attributes/find-attribute-values";
import { toProfilePublic } from "@/lib/services/users/to-user-public";

/** What an application learns of a user, by scope (OpenID Connect Core §5.4, and `organizations`). */
export type OidcClaims = {
  sub: string;
  name?: string | null;
  given_name?: string | null;
  family_name?: string | null;
  middle_name?: string | null;
  nickname?: string | null;
  preferred_username?: string;
  locale?: string | null;
  zoneinfo?: string | null;
  phone_number?: string;
  updated_at?: number;
  email?: string;
  email_verified?: boolean;
  organizations?: { id: string; slug: string; name: string; role: string; groups: string[] }[];
  /** The installation's custom attributes the user may see themselves (`userAccess` read or edit), by key. */
  attributes?: AttributeValues;
  /** For an organization's application, that organization's attributes the user may see. */
  organization_attributes?: AttributeValues;
};

/** oidc-provider's account: `claims` is asked with where the claims go (id_token, userinfo) and the granted scope. */
export type OidcAccount = { accountId: string; claims: (use: string, scope: string) => Promise<OidcClaims> };

/**
 * The account an application may sign in, with its claims: an active user, and for an
 * organization's application a member of that organization only. Null otherwise, which
 * the provider treats as no account: a disabled or deleted user, or one who left, gets no
 * new tokens and cannot refresh old ones. The organizations claim lists the user's
 * memberships, each with the user's role and the names of their groups there; an
 * organization's application sees only its own organization there.
 */
export async function findOidcAccount({
  userId,
  organizationId,
}: {
  userId: string;
  organizationId: string | null;
}): Promise<OidcAccount | null> {
  const user = await db().user.findFirst({ where: { id: userId, status: "active", deletedAt: null } });
  if (!user) return null;
  if (organizationId && !(await isMember(userId, organizationId))) return null;
  return {
    accountId: user.id,
    claims: async (_use, scope) => {
      const scopes = new Set(scope.split(" "));
      return {
        sub: user.id,
        ...(scopes.has("profile") ? profileClaims(user) : {}),
        ...(scopes.has("phone") ? phoneClaims(user) : {}),
        ...(scopes.has("email") ? { email: user.email, email_verified: user.emailVerified !== null } : {}),
        ...(scopes.has("organizations") ? { organizations: await organizationsOf(user.id, organizationId) } : {}),
        ...(scopes.has("attributes") ? await attributeClaims(user.id, organizationId) : {}),
      };
    },
  };
}

/**
 * Custom attributes go to applications only when the person may see them themselves: an
 * attribute an administrator keeps to administrators (`userAccess: none`) never leaves.
 */
async function attributeClaims(userId: string, organizationId: string | null): Promise<Partial<OidcClaims>> {
  const attributes = await findAttributeValues(undefined, { userId, organizationId: null, audience: "user" });
  if (!organizationId) return { attributes };
  return { attributes, organization_attributes: await findAttributeValues(undefined, { userId, organizationId, audience: "user" }) };
}

/** OpenID Connect Core §5.1's profile claims; `locale` is a BCP 47 tag and `zoneinfo` an IANA zone, as the profile stores them. */
function profileClaims(user: User): Partial<OidcClaims> {
  const profile = toProfilePublic(user);
  return {
    name: user.name,
    given_name: profile.givenName,
    family_name: profile.familyName,
    middle_name: profile.middleName,
    nickname: profile.nickname,
    preferred_username: user.email,
    locale: profile.locale,
    zoneinfo: profile.timeZone,
    updated_at: Math.floor(user.updatedAt.getTime() / 1000),
  };
}

/** The primary phone number, else the first; none leaves the claim out. Numbers are not verified, so phone_number_verified is never claimed. */
function phoneClaims(user: User): Partial<OidcClaims> {
  const phones = toProfilePublic(user).phoneNumbers;
  const phone = phones.find((candidate) => candidate.primary) ?? phones[0];
  return phone ? { phone_number: phone.value } : {};
}

async function isMember(userId: string, organizationId: string): Promise<boolean> {
  const membership = await db().membership.findFirst({ where: { userId, organizationId, organization: { deletedAt: null } } });
  return membership !== null;
}

async function organizationsOf(userId: string, onlyOrganizationId: string | null) {
  const memberships = await db().membership.findMany({
    where: { userId, organization: { deletedAt: null }, ...(onlyOrganizationId ? { organizationId: onlyOrganizationId } : {}) },
    include: { organization: { select: { id: true, slug: true, name: true } }, role: { select: { name: true } } },
    orderBy: { joinedAt: "asc" },
  });
  const groups = await db().groupMember.findMany({
    where: { userId, group: { organizationId: { in: memberships.map((membership) => membership.organizationId) } } },
    select: { group: { select: { organizationId: true, name: true } } },
    orderBy: { addedAt: "asc" },
  });
  return memberships.map((membership) => ({
    ...membership.organization,
    role: membership.role.name,
    groups: groups.filter(({ group }) => group.organizationId === membership.organizationId).map(({ group }) => group.name),
  }));
}

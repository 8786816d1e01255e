import "server-only";
import { AppError } from "@/lib/errors";
import type { ApplicationKind } from "@/lib/generated/prisma/enums";
import { isResourceScope } from "@/lib/auth/scopes";

/** What an application is, once the defaults of its kind are filled in. */
export type ApplicationShape = {
  kind: ApplicationKind;
  organizationId: string | null;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  backchannelLogoutUri: string | null;
  scopes: string[];
  firstParty: boolean;
};

const isPrivateUseScheme = (uri: string) => !/^https?:/i.test(uri);

function fieldProblem(field: string, message: string): AppError {
  return new AppError("validation_failed", message, { fieldErrors: [{ field, message }] });
}

/**
 * The rules that depend on the kind and the scope together, checked at registration and
 * on every change: a service has no browser (no redirect URIs, only the API's scopes); a
 * person's application needs a redirect URI and `openid`, but a native one without
 * redirect URIs is a CLI that signs in with the device flow only; only a native app may use a
 * private-use scheme (a browser app could be impersonated by any app claiming it); and
 * only the installation may skip people's consent.
 */
export function assertApplicationShape(shape: ApplicationShape): void {
  if (shape.kind === "machine") {
    if (shape.redirectUris.length > 0 || shape.postLogoutRedirectUris.length > 0 || shape.backchannelLogoutUri) {
      throw fieldProblem("redirectUris", "A machine application signs nobody in: it has no redirect or logout URIs.");
    }
    if (shape.scopes.some((scope) => !isResourceScope(scope))) {
      throw fieldProblem("scopes", "A machine application acts as itself: give it the API's scopes (read, write) or scim only.");
    }
    if (shape.scopes.length === 0) throw fieldProblem("scopes", "Give a machine application at least one of read, write and scim.");
  } else if (shape.scopes.includes("scim")) {
    throw fieldProblem("scopes", "Only an organization's machine application provisions over SCIM.");
  } else {
    // A CLI on a machine without a browser signs in with the device flow alone, which has no redirect.
    if (shape.redirectUris.length === 0 && shape.kind !== "native") throw fieldProblem("redirectUris", "Give at least one redirect URI.");
    if (!shape.scopes.includes("openid")) throw fieldProblem("scopes", "An application that signs people in needs the openid scope.");
    if (shape.kind !== "native") {
      const field = [...shape.redirectUris, ...shape.postLogoutRedirectUris].some(isPrivateUseScheme);
      if (field) throw fieldProblem("redirectUris", "Only a native application may use a private-use scheme; use https://.");
    }
  }
  // SCIM provisions one organization's directory: a service of the installation has none.
  if (shape.scopes.includes("scim") && shape.organizationId === null) {
    throw fieldProblem("scopes", "Only an organization's machine application provisions over SCIM.");
  }
  if (shape.firstParty && shape.organizationId !== null) {
    throw fieldProblem("firstParty", "Only the installation's own applications may skip people's consent.");
  }
}

/** The scopes a new application of a kind gets when none are given. */
export function defaultScopes(kind: ApplicationKind): string[] {
  return kind === "machine" ? ["read"] : ["openid", "profile", "email"];
}

import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/tests/support/api";
import { warmUpProvider } from "@/tests/support/oidc-flow";

beforeAll(warmUpProvider);

describe("the provider's metadata", () => {
  it("is served at both well-known addresses, naming this installation as the issuer", async () => {
    const openid = await api("GET", "/.well-known/openid-configuration");
    expect(openid.status).toBe(200);
    expect(openid.body).toMatchObject({ issuer: "http://localhost:3000", jwks_uri: "http://localhost:3000/oidc/jwks" });
    const oauth = await api("GET", "/.well-known/oauth-authorization-server");
    expect(oauth.body?.issuer).toBe("http://localhost:3000");
  });
});

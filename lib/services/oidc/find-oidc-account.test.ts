import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findOidcAccount } from "@/lib/services/oidc/find-oidc-account";
import { createUser } from "@/tests/support/factories";

describe("the claims an application gets of a user", () => {
  it("carry the profile under the profile scope, and the primary phone under the phone scope", async () => {
    const { user } = await createUser();
    await db().user.update({
      where: { id: user.id },
      data: {
        name: "Jamie Young",
        givenName: "Jamie",
        familyName: "Young",
        middleName: "Jane",
        nickname: "Jay",
        locale: "en-US",
        timeZone: "America/Los_Angeles",
        phoneNumbers: [
          { value: "+1 555 555 4444", type: "mobile", primary: false },
          { value: "+1 555 555 5555", type: "work", primary: true },
        ],
      },
    });
    const account = (await findOidcAccount({ userId: user.id, organizationId: null }))!;
    expect(await account.claims("id_token", "openid profile phone")).toMatchObject({
      sub: user.id,
      name: "Jamie Young",
      given_name: "Jamie",
      family_name: "Young",
      middle_name: "Jane",
      nickname: "Jay",
      locale: "en-US",
      zoneinfo: "America/Los_Angeles",
      phone_number: "+1 555 555 5555",
    });
    const openidOnly = await account.claims("id_token", "openid email");
    expect(openidOnly).not.toHaveProperty("given_name");
    expect(openidOnly).not.toHaveProperty("phone_number");
  });

  it("leave the phone out when the user has none", async () => {
    const { user } = await createUser();
    const account = (await findOidcAccount({ userId: user.id, organizationId: null }))!;
    expect(await account.claims("userinfo", "openid phone")).toEqual({ sub: user.id });
  });
});

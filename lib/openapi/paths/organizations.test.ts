import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/document";

describe("the organizations area of the API document", () => {
  it("describes every organization route", () => {
    const paths = openApiDocument().paths ?? {};
    expect(
      Object.keys(paths).filter(
        (path) =>
          /organizations|invitations|permissions/.test(path) &&
          !path.includes("/webhooks") &&
          !path.includes("/applications") &&
          !path.includes("/attributes"),
      ),
    ).toHaveLength(22);
    expect(paths["/api/v1/organizations/{id}/members/{userId}"]?.patch?.responses?.["412"]).toBeDefined();
    expect(paths["/api/v1/invitations/{token}/accept"]?.post).toBeDefined();
    expect(paths["/api/v1/permissions"]?.get).toBeDefined();
    expect(paths["/api/v1/organizations/{id}/groups/{groupId}/members/{userId}"]?.delete).toBeDefined();
    expect(paths["/api/v1/organizations/{id}/domains/{domainId}/verify"]?.post?.responses?.["422"]).toBeDefined();
  });
});

import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/document";
import { webhookEventTypeNames } from "@/lib/audit/webhook-event-types";

describe("the webhooks of the API document", () => {
  it("describes every event type's payload and signature headers in the OpenAPI 3.1 webhooks section", () => {
    const webhooks = openApiDocument().webhooks ?? {};
    expect(Object.keys(webhooks).sort()).toEqual([...webhookEventTypeNames].sort());
    for (const type of webhookEventTypeNames) {
      const operation = webhooks[type]?.post;
      const headers = (operation?.parameters ?? []).map((parameter) => ("name" in parameter ? parameter.name : ""));
      expect(headers, type).toEqual(expect.arrayContaining(["webhook-id", "webhook-timestamp", "webhook-signature"]));
      expect(JSON.stringify(operation?.requestBody), type).toContain(`"enum":["${type}"]`);
    }
  });

  it("documents both scopes of the management API", () => {
    const paths = Object.keys(openApiDocument().paths ?? {}).filter((path) => path.includes("/webhooks"));
    expect(paths).toHaveLength(10);
  });
});

import { describe, expect, it, vi } from "vitest";
import type { AppError } from "@/lib/errors";
import { attributeCreateSchema } from "@/lib/schemas/attributes";
import { userCreateSchema } from "@/lib/schemas/user";
import { createAttribute } from "@/lib/services/attributes/create-attribute";
import { createUser as createUserService } from "@/lib/services/users/create-user";
import { updateUser } from "@/lib/services/users/update-user";
import { createUser, freshSessionActor, uniqueEmail } from "@/tests/support/factories";
import { withPrivateDatabase } from "@/tests/support/private-database";

// A required installation attribute applies to every user created anywhere: this file keeps its own database.
vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));
withPrivateDatabase();

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ code: "ok" }),
    (error: AppError) => ({ code: error.code, fields: error.fieldErrors?.map((entry) => entry.field) }),
  );

describe("required installation attributes", () => {
  it("must come with a new user and cannot be cleared, each refusal naming the field", async () => {
    const admin = await freshSessionActor((await createUser({ role: "admin" })).user);
    const data = attributeCreateSchema.parse({ key: "employee", label: "Employee number", type: "text", required: true, unique: true });
    await createAttribute({ actor: admin, organizationId: null, data });
    const user = (email: string, attributes?: object) =>
      userCreateSchema.parse({ email, password: "correct horse battery staple", ...(attributes ? { attributes } : {}) });

    expect(await refusal(createUserService({ actor: admin, data: user(uniqueEmail()) }))).toEqual({
      code: "validation_failed",
      fields: ["attributes.employee"],
    });
    const created = await createUserService({ actor: admin, data: user(uniqueEmail(), { employee: "E-1" }) });
    expect(await refusal(updateUser({ actor: admin, userId: created.id, data: { attributes: { employee: null } } }))).toEqual({
      code: "validation_failed",
      fields: ["attributes.employee"],
    });
    expect(await refusal(createUserService({ actor: admin, data: user(uniqueEmail(), { employee: "E-1" }) }))).toEqual({
      code: "conflict",
      fields: ["attributes.employee"],
    });
    expect((await updateUser({ actor: admin, userId: created.id, data: { attributes: { employee: "E-2" } } })).attributes).toEqual({
      employee: "E-2",
    });
  });
});

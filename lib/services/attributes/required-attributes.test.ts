import { describe, expect, it, vi } from "vitest";
import { createUserAction } from "@/app/admin/users/actions";
import type { AppError } from "@/lib/errors";
import { attributeCreateSchema } from "@/lib/schemas/attributes";
import { userCreateSchema } from "@/lib/schemas/user";
import { createAttribute } from "@/lib/services/attributes/create-attribute";
import { deleteAttribute } from "@/lib/services/attributes/delete-attribute";
import { createUser as createUserService } from "@/lib/services/users/create-user";
import { updateUser } from "@/lib/services/users/update-user";
import { createUser, freshSessionActor, uniqueEmail } from "@/tests/support/factories";
import { withPrivateDatabase } from "@/tests/support/private-database";
import { callServerAction } from "@/tests/support/action-call";
import { signedInUser } from "@/tests/support/api-callers";

// A required installation attribute applies to every user created anywhere: this file keeps its own database.
vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
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
    await deleteAttribute({ actor: admin, organizationId: null, key: "employee" });
  });

  it("must be filled in the console's create dialog, the refusal beside the attribute's input", async () => {
    const admin = await signedInUser("admin");
    const data = attributeCreateSchema.parse({ key: "site", label: "Site", type: "enum", options: ["north", "south"], required: true });
    await createAttribute({ actor: await freshSessionActor(admin.user), organizationId: null, data });
    const create = (fields: Record<string, string>) =>
      callServerAction(createUserAction, { email: uniqueEmail(), role: "user", mode: "invite", ...fields }, admin.as);
    expect((await create({ "attributes.site": "" })).fieldErrors).toEqual([{ field: "attributes.site", message: "Site is required." }]);
    expect(await create({ "attributes.site": "north" })).toMatchObject({ createdId: expect.any(String) });
  });
});

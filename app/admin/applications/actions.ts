"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { asList, blankAsMissing, ticked } from "@/lib/actions/form-data";
import { formAction } from "@/lib/actions/server-action";
import { sentField, type RawInput } from "@/lib/auth/action-rules";
import { applicationCreateSchema, applicationUpdateSchema } from "@/lib/schemas/application";
import { idField } from "@/lib/schemas/fields";
import { createApplication } from "@/lib/services/applications/create-application";
import { deleteApplication } from "@/lib/services/applications/delete-application";
import { rotateApplicationSecret } from "@/lib/services/applications/rotate-application-secret";
import { updateApplication } from "@/lib/services/applications/update-application";

/**
 * The application pages of the installation (/admin/applications) and of an organization
 * (/orgs/:slug/applications) post here; a form names its organization in a hidden field,
 * left empty for the installation's applications.
 */
const scopeFields = { organizationId: z.preprocess(blankAsMissing, idField.optional()) };
const scopeOf = (organizationId: string | undefined) => ({ organizationId: organizationId ?? null });
const applicationFields = { ...scopeFields, applicationId: idField };

const applicationAction = (verb: "create" | "update" | "delete" | "rotate-secret") => ({
  actions: [`global-applications.${verb}`, `applications.${verb}`] as const,
  choose: (sent: RawInput) =>
    sentField(sent, "organizationId") ? (`applications.${verb}` as const) : (`global-applications.${verb}` as const),
});

function refreshApplicationPages() {
  revalidatePath("/admin/applications", "layout");
  revalidatePath("/orgs", "layout");
}

/** One URI per line of a text area; blank lines are left out. */
const lines = (value: unknown) =>
  typeof value === "string"
    ? value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
    : value;
const blankAsNull = (value: unknown) => (value === "" ? null : value);

/**
 * The form's text areas, checkboxes and empty inputs as the API's JSON would give them.
 * No scope ticked on a new application means the defaults of its kind.
 */
const applicationForm = <Schema extends z.ZodType>(schema: Schema, { creating }: { creating: boolean }) =>
  z.preprocess((form) => {
    const {
      redirectUris,
      postLogoutRedirectUris,
      backchannelLogoutUri,
      logoUri,
      scopes,
      firstParty,
      requireSecondFactor,
      enabled,
      ...rest
    } = form as Record<string, unknown>;
    const scopeList = asList(scopes);
    const fields = {
      ...rest,
      redirectUris: lines(redirectUris),
      postLogoutRedirectUris: lines(postLogoutRedirectUris),
      backchannelLogoutUri: blankAsNull(backchannelLogoutUri),
      logoUri: blankAsNull(logoUri),
      scopes: creating && scopeList.length === 0 ? undefined : scopeList,
      firstParty: ticked(firstParty),
      requireSecondFactor: ticked(requireSecondFactor),
      enabled: ticked(enabled),
    };
    // The schemas are strict: a field the form did not send is left out, not sent as undefined.
    return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  }, schema);

export const createApplicationAction = formAction(
  { action: applicationAction("create"), schema: applicationForm(applicationCreateSchema.extend(scopeFields), { creating: true }) },
  async ({ actor, input: { organizationId, ...data } }) => {
    const created = await createApplication({ actor, ...scopeOf(organizationId), data });
    refreshApplicationPages();
    return { created: { name: created.name, clientId: created.clientId, clientSecret: created.clientSecret } };
  },
);

/** The version the form was drawn from: a change saved meanwhile makes this one a conflict, not a silent overwrite. */
export const updateApplicationAction = formAction(
  {
    action: applicationAction("update"),
    schema: applicationForm(applicationUpdateSchema.extend({ ...applicationFields, version: z.coerce.number().int().min(0) }), {
      creating: false,
    }),
  },
  async ({ actor, input: { organizationId, applicationId, version, ...data } }) => {
    await updateApplication({ actor, ...scopeOf(organizationId), applicationId, data, expectedVersion: version });
    refreshApplicationPages();
    return { success: "The application was saved." };
  },
);

export const rotateApplicationSecretAction = formAction(
  { action: applicationAction("rotate-secret"), schema: z.object(applicationFields) },
  async ({ actor, input }) => {
    const rotated = await rotateApplicationSecret({ actor, ...scopeOf(input.organizationId), applicationId: input.applicationId });
    refreshApplicationPages();
    return { created: { name: rotated.name, clientId: rotated.clientId, clientSecret: rotated.clientSecret } };
  },
);

export const deleteApplicationAction = formAction(
  {
    action: applicationAction("delete"),
    schema: z.object({ ...applicationFields, returnTo: z.string().regex(/^\/(admin|orgs)\/[\w/-]*applications$/) }),
  },
  async ({ actor, input }) => {
    await deleteApplication({ actor, ...scopeOf(input.organizationId), applicationId: input.applicationId });
    refreshApplicationPages();
    redirect(input.returnTo);
  },
);

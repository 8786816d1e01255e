import { describe, expect, it, vi } from "vitest";
import {
  createApplicationAction,
  deleteApplicationAction,
  rotateApplicationSecretAction,
  updateApplicationAction,
} from "@/app/admin/applications/actions";
import { db } from "@/lib/db";
import { callServerAction } from "@/tests/support/action-call";
import { sessionCookie } from "@/tests/support/callers";
import { actorFor, createUser } from "@/tests/support/factories";
import { addMembership, createOrganizationFor } from "@/tests/support/organizations";

// Outside Next.js there are no rendered pages to refresh.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

/** The console's forms, called as the browser posts them: text areas, checkboxes and hidden fields. */
async function signedIn(role: "user" | "superadmin" = "user") {
  const { user } = await createUser({ role });
  return { user, as: { cookie: (await sessionCookie(user)).cookie } };
}

const webForm = {
  organizationId: "",
  kind: "web",
  name: "Intranet",
  redirectUris: "https://intranet.example.test/callback\r\n\r\n  https://intranet.example.test/other  \n",
  postLogoutRedirectUris: "",
  backchannelLogoutUri: "",
  logoUri: "",
};

async function register(as: { cookie: string }, fields: Record<string, string | string[]>) {
  const state = (await callServerAction(createApplicationAction, fields, as)) as {
    created?: { clientId: string; clientSecret: string | null };
    fieldErrors?: { field: string; message: string }[];
    error?: string;
  };
  const application = state.created ? await db().application.findUnique({ where: { clientId: state.created.clientId } }) : null;
  return { state, application };
}

describe("the applications console", () => {
  it("registers a web application from the form: one redirect URI per line, the usual scopes when none is ticked, the secret shown once", async () => {
    const { as } = await signedIn("superadmin");
    const { state, application } = await register(as, webForm);
    expect(state.created?.clientSecret).toMatch(/^umcs_/);
    expect(application).toMatchObject({
      organizationId: null,
      redirectUris: ["https://intranet.example.test/callback", "https://intranet.example.test/other"],
      postLogoutRedirectUris: [],
      backchannelLogoutUri: null,
      scopes: ["openid", "profile", "email"],
      firstParty: false,
      requireSecondFactor: false,
    });
    expect(application!.secretHash).not.toContain(state.created!.clientSecret!);
  });

  it("names the line of a bad redirect URI and keeps what was typed", async () => {
    const { as } = await signedIn("superadmin");
    const redirectUris = "https://ok.example.test/callback\nhttp://intranet.example.test/callback";
    const { state, application } = await register(as, { ...webForm, redirectUris, scopes: ["openid", "email"] });
    expect(application).toBeNull();
    expect(state.fieldErrors).toEqual([{ field: "redirectUris.1", message: expect.stringContaining("loopback") }]);
    expect((state as { values?: Record<string, string> }).values).toMatchObject({ name: "Intranet", redirectUris });
  });

  it("keeps the ticked scopes and settings, and gives a browser app no secret", async () => {
    const { as } = await signedIn("superadmin");
    const { state, application } = await register(as, {
      ...webForm,
      kind: "spa",
      scopes: ["openid", "organizations"],
      requireSecondFactor: "on",
      firstParty: "on",
    });
    expect(state.created?.clientSecret).toBeNull();
    expect(application).toMatchObject({ scopes: ["openid", "organizations"], requireSecondFactor: true, firstParty: true });
  });

  it("saves an edit, turns an application off by unticking it, and refuses an edit drawn from an older version", async () => {
    const { as } = await signedIn("superadmin");
    const { application } = await register(as, webForm);
    const edit = {
      organizationId: "",
      applicationId: application!.id,
      version: String(application!.version),
      name: "Intranet 2",
      redirectUris: "https://intranet.example.test/callback",
      postLogoutRedirectUris: "https://intranet.example.test/bye",
      backchannelLogoutUri: "https://intranet.example.test/backchannel",
      logoUri: "",
      scopes: ["openid", "email"],
      enabled: "off",
      requireSecondFactor: ["off", "on"],
      firstParty: "off",
    };
    expect(await callServerAction(updateApplicationAction, edit, as)).toEqual({ success: "The application was saved." });
    const saved = await db().application.findUniqueOrThrow({ where: { id: application!.id } });
    expect(saved).toMatchObject({
      name: "Intranet 2",
      postLogoutRedirectUris: ["https://intranet.example.test/bye"],
      backchannelLogoutUri: "https://intranet.example.test/backchannel",
      scopes: ["openid", "email"],
      requireSecondFactor: true,
    });
    expect(saved.disabledAt).not.toBeNull();
    const stale = await callServerAction(updateApplicationAction, { ...edit, name: "Lost update" }, as);
    expect(stale.code).toBe("precondition_failed");
    expect((await db().application.findUniqueOrThrow({ where: { id: application!.id } })).name).toBe("Intranet 2");
  });

  it("rotates a confidential application's secret and shows the new one once; a public one has none to rotate", async () => {
    const { as } = await signedIn("superadmin");
    const web = await register(as, webForm);
    const rotated = (await callServerAction(
      rotateApplicationSecretAction,
      { organizationId: "", applicationId: web.application!.id },
      as,
    )) as {
      created?: { clientSecret: string };
    };
    expect(rotated.created?.clientSecret).toMatch(/^umcs_/);
    expect(rotated.created?.clientSecret).not.toBe(web.state.created?.clientSecret);
    const spa = await register(as, { ...webForm, kind: "spa" });
    const refused = await callServerAction(rotateApplicationSecretAction, { organizationId: "", applicationId: spa.application!.id }, as);
    expect(refused.code).toBe("conflict");
  });

  it("deletes and goes back to the list, and goes nowhere but an applications page", async () => {
    const { as } = await signedIn("superadmin");
    const { application } = await register(as, webForm);
    const ids = { organizationId: "", applicationId: application!.id };
    const offSite = await callServerAction(deleteApplicationAction, { ...ids, returnTo: "https://evil.example.test/applications" }, as);
    expect(offSite.fieldErrors?.[0]?.field).toBe("returnTo");
    expect(await callServerAction(deleteApplicationAction, { ...ids, returnTo: "/admin/applications" }, as)).toMatchObject({
      redirected: expect.stringContaining("/admin/applications"),
    });
    expect(await db().application.findUnique({ where: { id: application!.id } })).toBeNull();
  });

  it("lets an organization's owner register for the organization only, never first-party, and refuses its plain members and other organizations", async () => {
    const owner = await signedIn();
    const organization = await createOrganizationFor(actorFor(owner.user));
    const other = await createOrganizationFor(actorFor((await signedIn()).user));
    const member = await signedIn();
    await addMembership(organization.id, member.user.id, "member");
    const form = { ...webForm, organizationId: organization.id };

    const registered = await register(owner.as, form);
    expect(registered.application).toMatchObject({ organizationId: organization.id });
    const firstParty = await register(owner.as, { ...form, firstParty: "on" });
    expect(firstParty.state.fieldErrors).toEqual([{ field: "firstParty", message: expect.any(String) }]);

    expect((await register(member.as, form)).state.error).toBeDefined();
    expect((await register(owner.as, { ...form, organizationId: other.id })).state.error).toBeDefined();
    expect((await register(owner.as, { ...form, organizationId: "" })).state.error).toMatch(/global-applications:manage/);
    const changed = await callServerAction(
      updateApplicationAction,
      { organizationId: other.id, applicationId: registered.application!.id, version: "0", name: "Taken over", enabled: "on" },
      owner.as,
    );
    expect(changed.error).toBeDefined();
    expect(await db().application.count({ where: { organizationId: { in: [other.id] } } })).toBe(0);
  });
});

import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import { fieldError, type FormState } from "@/lib/form-state";
import { applicationKinds, applicationScopes, type ApplicationPublic } from "@/lib/schemas/application";

const kindLabels: Record<(typeof applicationKinds)[number], string> = {
  web: "Web: a server-side app that keeps a secret",
  spa: "Single-page: a browser app (PKCE, no secret)",
  native: "Native: a desktop, mobile or command-line app (PKCE, no secret)",
  machine: "Machine: a service acting as itself (client credentials)",
};

/** A list's error: the list's own, else its first line's, named by line as the text area shows them. */
function listError(state: FormState, name: string): string | undefined {
  const own = fieldError(state, name);
  if (own) return own;
  const line = state.fieldErrors?.find((error) => error.field.startsWith(`${name}.`));
  return line ? `Line ${Number(line.field.slice(name.length + 1)) + 1}: ${line.message}` : undefined;
}

type ApplicationFieldsProps = {
  state: FormState;
  /** The application being edited; a new one when absent, whose kind is chosen here and fixed after. */
  current?: ApplicationPublic;
  /** Only the installation's own applications may skip people's consent. */
  global: boolean;
};

/** What a registration holds, empty for a new application or showing `current`. */
export function ApplicationFields({ state, current, global }: ApplicationFieldsProps) {
  const values = state.values ?? {};
  const checkedScopes = current?.scopes ?? [];
  return (
    <>
      <TextField label="Name" name="name" required defaultValue={values.name ?? current?.name} error={fieldError(state, "name")} />
      {current ? null : (
        <SelectField
          label="Kind"
          name="kind"
          defaultValue={values.kind ?? "web"}
          options={applicationKinds.map((kind) => ({ value: kind, label: kindLabels[kind] }))}
          error={fieldError(state, "kind")}
        />
      )}
      <TextAreaField
        label="Redirect URIs, one per line (matched exactly; none for a CLI that signs in with the device flow)"
        name="redirectUris"
        rows={3}
        placeholder="https://app.example.com/callback"
        defaultValue={values.redirectUris ?? current?.redirectUris.join("\n")}
        error={listError(state, "redirectUris")}
      />
      <TextAreaField
        label="Post-logout redirect URIs, one per line (optional)"
        name="postLogoutRedirectUris"
        rows={2}
        defaultValue={values.postLogoutRedirectUris ?? current?.postLogoutRedirectUris.join("\n")}
        error={listError(state, "postLogoutRedirectUris")}
      />
      <TextField
        label="Back-channel logout URI (optional)"
        name="backchannelLogoutUri"
        type="url"
        placeholder="https://"
        defaultValue={values.backchannelLogoutUri ?? current?.backchannelLogoutUri ?? ""}
        error={fieldError(state, "backchannelLogoutUri")}
      />
      <TextField
        label="Logo URL (optional)"
        name="logoUri"
        type="url"
        placeholder="https://"
        defaultValue={values.logoUri ?? current?.logoUri ?? ""}
        error={fieldError(state, "logoUri")}
      />
      <fieldset aria-describedby={fieldError(state, "scopes") ? "scopes-error" : undefined} className="space-y-1">
        <legend className="text-sm font-medium">Scopes{current ? "" : " (none ticked: the usual ones for its kind)"}</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {applicationScopes.map((scope) => (
            <label key={scope} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="scopes" value={scope} defaultChecked={checkedScopes.includes(scope)} />
              <code>{scope}</code>
            </label>
          ))}
        </div>
        {fieldError(state, "scopes") ? (
          <p id="scopes-error" className="text-sm text-red-600 dark:text-red-400">
            {fieldError(state, "scopes")}
          </p>
        ) : null}
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="requireSecondFactor" value="on" defaultChecked={current?.requireSecondFactor ?? false} />
        Ask everyone who signs in to it for a second factor
      </label>
      {global ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="firstParty" value="on" defaultChecked={current?.firstParty ?? false} />
          First-party: the installation&apos;s own application, people are not asked to consent
        </label>
      ) : null}
      {fieldError(state, "firstParty") ? <p className="text-sm text-red-600 dark:text-red-400">{fieldError(state, "firstParty")}</p> : null}
    </>
  );
}

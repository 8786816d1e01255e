"use client";

import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import { fieldError, type FormState } from "@/lib/form-state";
import type { ProfileField, ProfilePublic } from "@/lib/schemas/profile";
import { phoneNumbersText } from "@/lib/schemas/profile-form";

const labels: Record<ProfileField, string> = {
  givenName: "Given name",
  familyName: "Family name",
  middleName: "Middle name",
  nickname: "Nickname",
  title: "Title",
  phoneNumbers: "Phone numbers",
  preferredLanguage: "Preferred language",
  locale: "Locale",
  timeZone: "Time zone",
};

const placeholders: Partial<Record<ProfileField, string>> = {
  phoneNumbers: "+1 555 0100\n+1 555 0101, mobile",
  preferredLanguage: "en-US",
  locale: "en-US",
  timeZone: "Europe/Berlin",
};

/** The first error of a field or of anything inside it (`profile.phoneNumbers.1.type`), shown beside its input. */
const errorUnder = (state: FormState, name: string) =>
  state.fieldErrors?.find((error) => error.field === name || error.field.startsWith(`${name}.`))?.message;

type ProfileFieldsProps = {
  user: { name: string | null; profile: ProfilePublic };
  state: FormState;
  /** The fields this person may change; the others are shown, disabled, so the form does not send them. */
  editable: readonly ProfileField[];
};

/**
 * The display name, always editable, and the profile's inputs, named `profile.<field>` as
 * the action's schema reads them. One phone number per line, its type after a comma; the
 * first is the primary one.
 */
export function ProfileFields({ user: { name: displayName, profile }, state, editable }: ProfileFieldsProps) {
  const field = (name: ProfileField) => {
    const inputName = `profile.${name}`;
    const shown = name === "phoneNumbers" ? phoneNumbersText(profile.phoneNumbers) : (profile[name] ?? "");
    const common = {
      label: editable.includes(name) ? labels[name] : `${labels[name]} (set by an administrator)`,
      name: inputName,
      defaultValue: state.values?.[inputName] ?? shown,
      error: errorUnder(state, inputName),
      disabled: !editable.includes(name),
      placeholder: placeholders[name],
    };
    return name === "phoneNumbers" ? <TextAreaField key={name} rows={3} {...common} /> : <TextField key={name} {...common} />;
  };
  return (
    <>
      <TextField
        label="Display name"
        name="name"
        defaultValue={state.values?.name ?? displayName ?? ""}
        error={fieldError(state, "name")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        {(["givenName", "familyName", "middleName", "nickname", "title", "preferredLanguage", "locale", "timeZone"] as const).map(field)}
        <div className="sm:col-span-2">{field("phoneNumbers")}</div>
      </div>
    </>
  );
}

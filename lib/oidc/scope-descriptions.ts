/** What each scope lets an application do, in the words the consent page uses. */
export const scopeDescriptions: Record<string, string> = {
  openid: "Know who you are (your account's id).",
  profile: "See your name, nickname, language and time zone.",
  phone: "See your main phone number.",
  email: "See your email address and whether it is confirmed.",
  organizations: "See which organizations you belong to, your role and your groups in each.",
  attributes: "See the custom details about you that you can see yourself.",
  offline_access: "Stay connected when you are not using it, until you revoke it.",
  read: "Read, through the API, what you can read.",
  write: "Change, through the API, what you can change.",
  // Never asked of a person: only an organization's machine application may hold it.
  scim: "Provision the organization's users and groups over SCIM.",
};

/** The requested scopes a person is asked about, each with its description; unknown ones are named as they are. */
export function describeScopes(scope: string): { scope: string; description: string }[] {
  return [...new Set(scope.split(" ").filter(Boolean))].map((name) => ({ scope: name, description: scopeDescriptions[name] ?? name }));
}

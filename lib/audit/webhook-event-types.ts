/**
 * Every event a webhook can subscribe to, with what it reports. Receivers filter on these
 * names, so they are fixed here; the OpenAPI document's `webhooks` section lists them.
 */
export const webhookEventTypes = {
  "user.created": "A user was created: by an administrator, an import, an invitation, or by signing up.",
  "user.updated": "A user's name, role, status or address changed.",
  "user.disabled": "A user was disabled and signed out.",
  "user.enabled": "A disabled user was enabled again.",
  "user.deleted": "A user was soft-deleted and signed out.",
  "user.restored": "A soft-deleted user was brought back.",
  "member.added": "Someone joined an organization.",
  "member.removed": "A member was removed from an organization, or left.",
  "member.role_changed": "A member's role in an organization changed.",
  "group.created": "A group was created in an organization.",
  "group.updated": "A group's name, description, external id or the roles it grants changed.",
  "group.deleted": "A group was deleted.",
  "group.member_added": "Someone was added to a group.",
  "group.member_removed": "Someone was taken out of a group.",
  "invitation.created": "An email address was invited to an organization.",
  "invitation.accepted": "An invitation was used to join an organization.",
  "organization.created": "An organization was created.",
  "organization.deleted": "An organization was deleted.",
  "attribute.deleted": "A custom attribute was removed, with every user's value of it; `current.valuesRemoved` counts them.",
  "auth.locked_out": "Password checks for an account reached its ceiling; sign-in is refused for a while.",
  "domain.verified": "An organization verified an email domain: its directory (SCIM) may now manage accounts with addresses there.",
  "domain.removed": "An organization gave up an email domain: its directory can no longer manage accounts there.",
} as const;

export type WebhookEventType = keyof typeof webhookEventTypes;
export const webhookEventTypeNames = Object.keys(webhookEventTypes) as [WebhookEventType, ...WebhookEventType[]];

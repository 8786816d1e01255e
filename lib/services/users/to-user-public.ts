import type { User } from "@/lib/generated/prisma/client";
import { phoneTypes, type ProfilePublic } from "@/lib/schemas/profile";
import type { UserPublic } from "@/lib/schemas/user";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The profile's columns of a user (migration user_profile). */
export type ProfileRecord = Pick<
  User,
  "givenName" | "familyName" | "middleName" | "nickname" | "title" | "phoneNumbers" | "preferredLanguage" | "locale" | "timeZone"
>;

export type UserPublicRecord = Pick<
  User,
  "id" | "email" | "name" | "role" | "status" | "emailVerified" | "lastLoginAt" | "createdAt" | "updatedAt"
> &
  ProfileRecord;

const isPhone = (value: unknown): value is ProfilePublic["phoneNumbers"][number] =>
  typeof value === "object" && value !== null && typeof (value as { value?: unknown }).value === "string";

/** The profile as the API shows it; the phone list was validated when written, and is read defensively all the same. */
export function toProfilePublic(user: ProfileRecord): ProfilePublic {
  const phones = Array.isArray(user.phoneNumbers) ? user.phoneNumbers.filter(isPhone) : [];
  return {
    givenName: user.givenName,
    familyName: user.familyName,
    middleName: user.middleName,
    nickname: user.nickname,
    title: user.title,
    phoneNumbers: phones.map((phone) => ({
      value: phone.value,
      type: phoneTypes.includes(phone.type) ? phone.type : "other",
      primary: phone.primary === true,
    })),
    preferredLanguage: user.preferredLanguage,
    locale: user.locale,
    timeZone: user.timeZone,
  };
}

/** The only way a user leaves the service layer: field by field, so no secret slips out. */
export function toUserPublic(user: UserPublicRecord): UserPublic {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.status,
    emailVerifiedAt: iso(user.emailVerified),
    lastLoginAt: iso(user.lastLoginAt),
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    profile: toProfilePublic(user),
  };
}

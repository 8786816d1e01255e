import { pluralize } from "@/lib/pluralize";
import { renderMail, type RenderedMail } from "@/lib/mail/template";

/** The account emails. Each says why it was sent, so a message nobody asked for is recognisable. */

export function passwordResetMail({ link, ttlMinutes }: { link: string; ttlMinutes: number }): RenderedMail {
  return renderMail({
    subject: "Reset your password",
    paragraphs: ["Someone, hopefully you, asked to reset the password of your Usermanager account."],
    action: { label: "Choose a new password", url: link },
    closing: [
      `The link works once and for ${ttlMinutes} minutes. Resetting your password signs you out everywhere.`,
      "If you did not ask for this, ignore this email: your password stays as it is.",
    ],
  });
}

export function verifyEmailMail({ link, ttlHours, isChange }: { link: string; ttlHours: number; isChange: boolean }): RenderedMail {
  return renderMail({
    subject: isChange ? "Confirm your new email address" : "Confirm your email address",
    paragraphs: [
      isChange
        ? "Someone, hopefully you, asked to use this address for a Usermanager account."
        : "Welcome to Usermanager. Please confirm that this address is yours.",
    ],
    action: { label: "Confirm this address", url: link },
    closing: [`The link works once and for ${ttlHours} hours. If you did not ask for this, ignore this email.`],
  });
}

export function welcomeMail({ signInLink }: { signInLink: string }): RenderedMail {
  return renderMail({
    subject: "Welcome to Usermanager",
    paragraphs: ["Your account is ready."],
    action: { label: "Sign in", url: signInLink },
  });
}

/** Sent instead of a sign-up or email-change link when the address already has an account. */
export function addressInUseMail({ signInLink, resetLink }: { signInLink: string; resetLink: string }): RenderedMail {
  return renderMail({
    subject: "Someone tried to register with your email address",
    paragraphs: [
      "Someone tried to create a Usermanager account, or move one, to this email address. It already has an account, so nothing was changed.",
      `If it was you, sign in at ${signInLink}. If you forgot your password, reset it at ${resetLink}.`,
    ],
    closing: ["If it was not you, you can ignore this email."],
  });
}

export function emailChangedMail({ newEmail }: { newEmail: string }): RenderedMail {
  return renderMail({
    subject: "Your email address was changed",
    paragraphs: [`The email address of your Usermanager account is now ${newEmail}. Sign in with it from now on.`],
    closing: ["If you did not make this change, contact your administrator at once."],
  });
}

/** To a person an administrator created an account for: the link lets them choose a password. */
export function accountInvitationMail({ name, link, expiresAt }: { name: string | null; link: string; expiresAt: Date }): RenderedMail {
  return renderMail({
    subject: "You have been invited",
    paragraphs: [
      name ? `Hello ${name},` : "Hello,",
      "An account was created for you on Usermanager. Choose your password to start using it.",
    ],
    action: { label: "Set your password", url: link },
    closing: [`The link works once, until ${expiresAt.toUTCString()}. If you did not expect it, ignore this email.`],
  });
}

type OrganizationInvitation = { organizationName: string; invitedBy: string; link: string; expiresAt: Date };

export function organizationInvitationMail({ organizationName, invitedBy, link, expiresAt }: OrganizationInvitation): RenderedMail {
  return renderMail({
    subject: `You are invited to join ${organizationName}`,
    paragraphs: [`${invitedBy} invited you to join ${organizationName}.`],
    action: { label: "Accept the invitation", url: link },
    closing: [`The link works once, until ${expiresAt.toUTCString()}. If you did not expect it, ignore this email.`],
  });
}

/** To the people responsible for a webhook endpoint that failures turned off. */
export function webhookDisabledMail({ url, reason, link }: { url: string; reason: string; link: string }): RenderedMail {
  return renderMail({
    subject: "A webhook endpoint was turned off",
    paragraphs: [
      `Usermanager stopped sending events to ${url}: ${reason}`,
      "Events that happen while it is off are not queued for it. Fix the receiver, then enable the endpoint again and resend the deliveries it missed.",
    ],
    action: { label: "Open the endpoint's deliveries", url: link },
  });
}

/** What happened to the account's ways of signing in, as a notice names it. */
export type SignInMethodChange =
  | { change: "added" | "removed"; method: { kind: "totp" | "passkey"; name: string } }
  | { change: "recovery-codes-replaced" }
  | { change: "password-reset" }
  | { change: "signed-out-everywhere"; removedFactors: number };

function describeChange(notice: SignInMethodChange): { subject: string; happened: string } {
  switch (notice.change) {
    case "added":
    case "removed": {
      const method = notice.method.kind === "totp" ? "An authenticator app" : `A passkey (“${notice.method.name}”)`;
      const where = notice.change === "added" ? "added to" : "removed from";
      return { subject: `A sign-in method was ${where} your account`, happened: `${method} was ${where} your Usermanager account.` };
    }
    case "recovery-codes-replaced":
      return {
        subject: "New recovery codes were made for your account",
        happened: "New recovery codes were made for your Usermanager account; the earlier ones no longer work.",
      };
    case "password-reset":
      return {
        subject: "Your password was reset",
        happened: "The password of your Usermanager account was reset, and every session ended.",
      };
    case "signed-out-everywhere":
      return {
        subject: "Your account was signed out everywhere",
        happened:
          "An administrator signed your Usermanager account out everywhere and revoked its tokens" +
          (notice.removedFactors > 0 ? `, and removed ${pluralize(notice.removedFactors, "recently added second factor")}.` : "."),
      };
  }
}

/**
 * Sent whenever a way to sign in is added, removed or replaced, and after a reset or a
 * sign-out everywhere: it lists every second factor the account has now, so an owner
 * notices one they did not add (a session left open, a planted passkey).
 */
export function signInMethodsMail({ notice, methods }: { notice: SignInMethodChange; methods: string[] }): RenderedMail {
  const { subject, happened } = describeChange(notice);
  return renderMail({
    subject,
    paragraphs: [
      happened,
      methods.length > 0
        ? `Your account's second factors now: ${methods.join("; ")}.`
        : "Your account has no second factor now: a password alone signs in.",
    ],
    closing: [
      "If this was not you, sign in, remove under Account → Two-factor authentication anything you do not recognise, change your password, and tell your administrator.",
    ],
  });
}

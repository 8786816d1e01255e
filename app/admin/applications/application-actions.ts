import { deleteApplicationAction, rotateApplicationSecretAction, updateApplicationAction } from "@/app/admin/applications/actions";
import type { ApplicationDetailActions } from "@/components/applications/application-detail";

/** The actions an application's page hands to its forms, global or organization alike. */
export const applicationActions: ApplicationDetailActions = {
  update: updateApplicationAction,
  rotate: rotateApplicationSecretAction,
  remove: deleteApplicationAction,
};

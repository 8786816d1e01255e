import { AppError } from "@/lib/errors";

export const roleNameTaken = () =>
  new AppError("conflict", "The organization already has a role with this name.", {
    fieldErrors: [{ field: "name", message: "The organization already has a role with this name." }],
  });

import { CallbackRouteError, CredentialsSignin, MissingCSRF } from "@auth/core/errors";
import { afterEach, describe, expect, it, vi } from "vitest";
import { authLogger } from "@/lib/session/auth-logger";
import { logger } from "@/lib/logger";

afterEach(() => vi.restoreAllMocks());

describe("authLogger", () => {
  it.each([
    ["a wrong password", new CredentialsSignin()],
    ["a refusal that extends it", new (class RateLimited extends CredentialsSignin {})()],
    ["a missing CSRF token", new MissingCSRF("missing")],
  ])("logs %s as a warning without a stack trace", (_case, error) => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    const logError = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    authLogger.error!(error);
    expect(warn).toHaveBeenCalledWith({ type: error.type }, expect.any(String));
    expect(logError).not.toHaveBeenCalled();
  });

  it("logs a server-side failure as an error, with the error Auth.js wrapped", () => {
    const logError = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const databaseDown = new Error("connect ECONNREFUSED");
    authLogger.error!(new CallbackRouteError("callback failed", { cause: { err: databaseDown } }));
    expect(logError).toHaveBeenCalledWith({ type: "CallbackRouteError", err: databaseDown }, expect.any(String));
  });
});

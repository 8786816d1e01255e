/**
 * A client of a running server that signs in through Auth.js's credentials endpoint, as
 * the sign-in form does, and sends the session cookie with every later request.
 */
export type SessionClient = {
  status: number;
  /** The Cookie header a browser would send; any replica of the app accepts it. */
  cookie: string;
  request(path: string, init?: RequestInit): Promise<Response>;
};

export async function signInWithPassword(baseUrl: string, email: string, password: string): Promise<SessionClient> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  let cookies = csrf.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
  const signIn = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies },
    body: new URLSearchParams({ email, password, csrfToken }),
  });
  cookies = [cookies, ...signIn.headers.getSetCookie().map((cookie) => cookie.split(";")[0])].join("; ");
  return {
    status: signIn.status,
    cookie: cookies,
    request: (path, init = {}) => fetch(`${baseUrl}${path}`, { ...init, headers: { ...init.headers, cookie: cookies } }),
  };
}

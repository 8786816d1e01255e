export type SoakClient = {
  baseUrl: string;
  admin: { email: string; password: string };
  /** Ids of seeded users to read and change. */
  ids: string[];
  tokens: { access: string; refresh: string } | undefined;
};

/** Each operation answers the HTTP status it got (0 when the connection failed). */
export type Operation = { name: string; weight: number; run(client: SoakClient): Promise<number> };

const any = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
const searches = ["smith", "ada", "lovelace", "example.org", "grace hopper", "turing"];

async function tokenGrant(client: SoakClient, form: Record<string, string>): Promise<number> {
  const response = await fetch(`${client.baseUrl}/api/v1/auth/token`, { method: "POST", body: new URLSearchParams(form) });
  if (!response.ok) return (await response.arrayBuffer(), response.status);
  const body = (await response.json()) as { access_token: string; refresh_token: string };
  client.tokens = { access: body.access_token, refresh: body.refresh_token };
  return response.status;
}

const signIn = (client: SoakClient) =>
  tokenGrant(client, { grant_type: "password", username: client.admin.email, password: client.admin.password, scope: "read write" });

/** An API call with the client's access token, signing in first when it has none. */
async function api(client: SoakClient, method: string, path: string, body?: unknown): Promise<number> {
  if (!client.tokens) {
    const status = await signIn(client);
    if (status !== 200) return status;
  }
  const response = await fetch(`${client.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${client.tokens!.access}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  await response.arrayBuffer();
  return response.status;
}

/** The mix: mostly reads, as an admin UI and API clients make; sign-in is rare and costly (bcrypt). */
export const operations: Operation[] = [
  { name: "list", weight: 30, run: (client) => api(client, "GET", "/api/v1/users?limit=50") },
  { name: "search", weight: 20, run: (client) => api(client, "GET", `/api/v1/users?limit=50&q=${encodeURIComponent(any(searches))}`) },
  { name: "get", weight: 25, run: (client) => api(client, "GET", `/api/v1/users/${any(client.ids)}`) },
  {
    name: "patch",
    weight: 15,
    run: (client) => api(client, "PATCH", `/api/v1/users/${any(client.ids)}`, { name: `Soak ${Math.random().toString(36).slice(2, 8)}` }),
  },
  { name: "sign-in", weight: 5, run: signIn },
  {
    name: "refresh",
    weight: 5,
    run: async (client) =>
      client.tokens ? tokenGrant(client, { grant_type: "refresh_token", refresh_token: client.tokens.refresh }) : signIn(client),
  },
];

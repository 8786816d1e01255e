/** The admin table keeps all its state in the URL, so a view can be shared and survives reload. */
export type UsersView = {
  q?: string;
  role?: string;
  status?: string;
  createdFrom?: string;
  createdTo?: string;
  hasMfa?: string;
  sort?: string;
  order?: string;
  page?: string;
  /** A filter on one of the installation's attributes, named as the API names it. */
  [filter: `attribute.${string}`]: string | undefined;
};

export function usersHref(view: UsersView, changes: Partial<UsersView> = {}): string {
  const merged = { ...view, ...changes };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `/admin/users?${query}` : "/admin/users";
}

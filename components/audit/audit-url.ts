/**
 * Every filter of the audit explorer lives in the URL, so a view can be linked to (from
 * the dashboard, a user's page) and survives a reload. Values are strings as in the URL.
 */
export type AuditView = {
  action?: string;
  actor?: string;
  target?: string;
  organization?: string;
  ip?: string;
  q?: string;
  from?: string;
  to?: string;
  cursor?: string;
};

export function auditHref(view: AuditView, base = "/admin/audit"): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(view)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

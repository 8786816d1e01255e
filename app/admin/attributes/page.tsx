import type { Metadata } from "next";
import { createAttributeAction, deleteAttributeAction, updateAttributeAction } from "@/app/admin/attributes/actions";
import { AttributeDefinitions } from "@/components/attributes/attribute-definitions";
import { can } from "@/lib/auth/permissions";
import { listAttributes } from "@/lib/services/attributes/list-attributes";
import { requirePagePermission } from "@/lib/session/require-session-actor";

export const metadata: Metadata = { title: "Attributes" };

/** The installation's custom attributes: every user may carry them. */
export default async function AdminAttributesPage() {
  const actor = await requirePagePermission("users:read");
  const { data } = await listAttributes({ actor, organizationId: null });
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Attributes</h1>
        <p className="text-sm text-muted">
          Custom fields every user carries, in the API as <code>attributes</code>, filterable in the users list as{" "}
          <code>attribute.&lt;key&gt;=…</code>.
        </p>
      </header>
      <AttributeDefinitions
        attributes={data}
        organizationId={null}
        canManage={can(actor, "global-attributes:manage")}
        actions={{ create: createAttributeAction, update: updateAttributeAction, remove: deleteAttributeAction }}
      />
    </div>
  );
}

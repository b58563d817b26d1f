// The staff members a customer can be assigned to, for the owner filter and field. The staff list
// needs users:manage; without it the signed-in user is the only name the UI knows.
import { useMemo } from "preact/hooks";
import type { Page } from "../../api/client";
import { useResource } from "../../api/use-resource";
import { useSession } from "../../session/session";

export interface StaffMember {
  id: string;
  name: string;
}

export function useStaff(): { staff: StaffMember[]; nameOf: (id: string | null | undefined) => string | undefined } {
  const { me, can } = useSession();
  const list = useResource<Page<StaffMember & { status: string }>>(can("users:manage") ? "/api/users" : null, { limit: 200 });
  return useMemo(() => {
    const staff: StaffMember[] = list.data?.items.filter((member) => member.status === "active").map(({ id, name }) => ({ id, name })) ?? [];
    if (me && !staff.some((member) => member.id === me.user.id)) staff.unshift({ id: me.user.id, name: me.user.name });
    const names = new Map((list.data?.items ?? []).map((member) => [member.id, member.name]));
    if (me) names.set(me.user.id, me.user.name);
    return { staff, nameOf: (id) => (id ? names.get(id) : undefined) };
  }, [list.data, me]);
}

// The staff members a customer or a task can be assigned to, for the owner filter and the assignee
// fields. Whoever manages users reads the whole staff list (disabled members' names too, for
// past owners); anyone else who works tasks reads the active colleagues' names.
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
  const manager = can("users:manage");
  const list = useResource<Page<StaffMember & { status: string }>>(manager ? "/api/users" : null, { limit: 200 });
  const colleagues = useResource<{ items: StaffMember[] }>(!manager && can("tasks:read") ? "/api/users/colleagues" : null);
  return useMemo(() => {
    const staff: StaffMember[] = list.data?.items.filter((member) => member.status === "active").map(({ id, name }) => ({ id, name })) ?? colleagues.data?.items ?? [];
    if (me && !staff.some((member) => member.id === me.user.id)) staff.unshift({ id: me.user.id, name: me.user.name });
    const names = new Map([...(list.data?.items ?? []), ...(colleagues.data?.items ?? [])].map((member) => [member.id, member.name]));
    if (me) names.set(me.user.id, me.user.name);
    return { staff, nameOf: (id) => (id ? names.get(id) : undefined) };
  }, [list.data, colleagues.data, me]);
}

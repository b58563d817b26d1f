// An identifier (mobile, e-mail, code) shown exactly as the API gave it, masked or not, and kept
// left-to-right inside Persian text so "0912*****67" never reads backwards.
export function LtrText({ children }: { children: string | null | undefined }) {
  if (!children) return <span class="muted">—</span>;
  return (
    <bdi dir="ltr" class="ltr-value">
      {children}
    </bdi>
  );
}

import type { ReactNode } from "react";
import Link from "next/link";

// Navigation only: each page checks the policy itself (its queries call authorize).
export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <nav aria-label="Administration" className="mb-6">
        <ul className="flex flex-wrap gap-6">
          <li>
            <Link href="/admin">People and roles</Link>
          </li>
          <li>
            <Link href="/admin/audit">Audit log</Link>
          </li>
          <li>
            <Link href="/admin/collaboratives">Collaboratives</Link>
          </li>
          <li>
            <Link href="/admin/pathway-stages">Pathway stages</Link>
          </li>
          <li>
            <Link href="/admin/templates">Project templates</Link>
          </li>
          <li>
            <Link href="/admin/safety">Clinical safety</Link>
          </li>
        </ul>
      </nav>
      {children}
    </>
  );
}

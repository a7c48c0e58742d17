import type { Metadata } from "next";
import Link from "next/link";
import { getViewer } from "@/lib/auth/viewer";
import { isResetTokenUsable, RESET_LINK_INVALID } from "@/lib/accounts/recovery";
import { resetPasswordAction } from "@/lib/accounts/actions";
import { AccountForm } from "@/components/accounts/AccountForm";
import { PASSWORD_HINT } from "@/components/accounts/password-hint";

export const metadata: Metadata = { title: "Choose a new password" };

type Props = { searchParams: Promise<{ token?: string }> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const usable =
    typeof token === "string" &&
    token.length >= 20 &&
    token.length <= 200 &&
    (await isResetTokenUsable(await getViewer(), token));
  if (!usable) {
    return (
      <div className="max-w-2xl">
        <h1>This link does not work</h1>
        <p>{RESET_LINK_INVALID}</p>
        <p>
          <Link href="/forgot-password">Ask for a new link</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-2xl">
      <h1>Choose a new password</h1>
      <p>After you change it, you will be signed out on every device and can sign in with your new password.</p>
      <AccountForm
        action={resetPasswordAction}
        hidden={{ token }}
        fields={[
          {
            name: "password",
            label: "New password",
            hint: PASSWORD_HINT,
            type: "password",
            autoComplete: "new-password",
          },
          { name: "confirmPassword", label: "Confirm new password", type: "password", autoComplete: "new-password" },
        ]}
        submitLabel="Change password"
      />
    </div>
  );
}

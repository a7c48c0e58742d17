import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";

const variants = {
  primary: "bg-nhs-green text-white shadow-[0_4px_0_var(--color-nhs-dark-green)] hover:bg-[#00662f]",
  secondary:
    "bg-white text-nhs-blue border-2 border-nhs-blue shadow-[0_4px_0_var(--color-nhs-blue)] hover:bg-nhs-grey-5",
  warning: "bg-nhs-red text-white shadow-[0_4px_0_#6b140e] hover:bg-[#aa2016]",
  reverse: "bg-white text-nhs-text shadow-[0_4px_0_var(--color-nhs-text)]",
};

const base =
  "inline-block mb-6 px-4 py-2.5 font-bold rounded-sm no-underline! cursor-pointer text-center active:translate-y-1 active:shadow-none disabled:opacity-60";

export function Button({
  variant = "primary",
  className = "",
  ...props
}: ComponentProps<"button"> & { variant?: keyof typeof variants }) {
  return <button type="submit" {...props} className={`${base} ${variants[variant]} ${className}`} />;
}

export function ButtonLink({
  href,
  variant = "primary",
  children,
  className = "",
}: {
  href: string;
  variant?: keyof typeof variants;
  children: ReactNode;
  className?: string;
}) {
  return (
    <Link
      href={href}
      className={`${base} ${variants[variant]} visited:text-inherit ${variant === "primary" || variant === "warning" ? "text-white! visited:text-white!" : "text-nhs-blue!"} ${className}`}
    >
      {children}
    </Link>
  );
}

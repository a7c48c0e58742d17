"use client";
import { useEffect, useRef } from "react";
import { DONE_BANNER_ID } from "@/lib/forms/done";

/**
 * The result of a form that redirected here (?done=…), first in main: with JavaScript it takes the
 * focus, so keyboard and screen-reader users start from it; without, the redirect's #done lands on it.
 * Pages give it a key per render, so the same result twice in a row is focused again.
 */
export function DoneBanner({ message }: { message: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <p
      ref={ref}
      id={DONE_BANNER_ID}
      role="status"
      tabIndex={-1}
      className="border-l-[10px] border-nhs-green bg-white p-4 font-bold focus:outline-4 focus:outline-nhs-focus"
    >
      {message}
    </p>
  );
}

"use client";
// "Copy link" needs JavaScript only for the button: without it, the link above it is shown to select and copy.
import { useState } from "react";
import { useMounted } from "@/components/charts/use-mounted";
import { Button } from "@/components/ui/Button";

export function CopyLinkButton({ link }: { link: string }) {
  const mounted = useMounted();
  const [said, setSaid] = useState("");
  if (!mounted) return null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setSaid("Link copied. Paste it somewhere safe, such as a note or an email to yourself.");
    } catch {
      setSaid("Your browser did not let us copy the link. Select the link above and copy it.");
    }
  };
  return (
    <>
      <Button type="button" variant="secondary" onClick={() => void copy()}>
        Copy link
      </Button>
      <p role="status" className="font-bold">
        {said}
      </p>
    </>
  );
}

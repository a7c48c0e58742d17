import type { Metadata } from "next";
import { DashboardPage } from "@/components/dashboard/DashboardPage";

export const metadata: Metadata = { title: "National dashboard" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NationalDashboardPage({ searchParams }: Props) {
  return <DashboardPage searchParams={await searchParams} />;
}

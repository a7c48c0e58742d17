import type { Metadata } from "next";
import { DashboardPage } from "@/components/dashboard/DashboardPage";

export const metadata: Metadata = { title: "Collaborative dashboard" };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function CollaborativeDashboardPage({ params, searchParams }: Props) {
  return <DashboardPage collaborativeSlug={(await params).slug} searchParams={await searchParams} />;
}

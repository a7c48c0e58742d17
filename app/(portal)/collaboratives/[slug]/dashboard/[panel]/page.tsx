import type { Metadata } from "next";
import { DashboardPage } from "@/components/dashboard/DashboardPage";
import { DASHBOARD_PANELS, isDashboardPanel } from "@/components/dashboard/DashboardView";

type Props = {
  params: Promise<{ slug: string; panel: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { panel } = await params;
  return { title: isDashboardPanel(panel) ? `${DASHBOARD_PANELS[panel]} – collaborative dashboard` : "Page not found" };
}

export default async function CollaborativeDashboardPanelPage({ params, searchParams }: Props) {
  const { slug, panel } = await params;
  return <DashboardPage collaborativeSlug={slug} panel={panel} searchParams={await searchParams} />;
}

import type { Metadata } from "next";
import { DashboardPage } from "@/components/dashboard/DashboardPage";
import { DASHBOARD_PANELS, isDashboardPanel } from "@/components/dashboard/DashboardView";

type Props = {
  params: Promise<{ panel: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { panel } = await params;
  return { title: isDashboardPanel(panel) ? `${DASHBOARD_PANELS[panel]} – national dashboard` : "Page not found" };
}

export default async function NationalDashboardPanelPage({ params, searchParams }: Props) {
  return <DashboardPage panel={(await params).panel} searchParams={await searchParams} />;
}

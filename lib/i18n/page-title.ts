import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

type TitledSection =
  | "meetings"
  | "calendar"
  | "settings"
  | "settings.apps"
  | "settings.accounts"
  | "settings.users"
  | "settings.api"
  | "tenantSettings"
  | "logs"
  | "booking"
  | "batches";

/** `export const generateMetadata = pageTitle("logs")`: the page's <title> in the user's language. */
export function pageTitle(section: TitledSection) {
  return async (): Promise<Metadata> => {
    const t = await getTranslations(section);
    return { title: t("title") };
  };
}

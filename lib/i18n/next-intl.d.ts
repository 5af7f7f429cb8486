import type messages from "./messages/zh-CN.json";
import type { Locale } from "./config";

// Type-checks every t("...") key against the Chinese messages (the source locale).
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}

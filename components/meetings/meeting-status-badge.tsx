import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

const VARIANT = {
  booked: "default",
  in_progress: "success",
  ended: "secondary",
  cancelled: "outline",
  expired: "outline",
  failed: "destructive",
} as const;

export type MeetingStatus = keyof typeof VARIANT;

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const t = useTranslations("meetings.status");
  return <Badge variant={VARIANT[status]}>{t(status)}</Badge>;
}

// The WeCom rules the booking form shows as it is filled in (counters, choices, the
// series preview), re-exported for the UI: components reach WeCom's rules through the
// schemas, never lib/wecom directly. Client-safe.
export {
  DESCRIPTION_MAX_BYTES,
  GUEST_NAME_MAX,
  ENTER_MUTE_VALUES,
  LOCATION_MAX_CHARS,
  REMIND_BEFORE_VALUES,
  REMIND_SCOPES,
  REPEAT_INTERVALS,
  REPEAT_MONTH_DAYS_MAX,
  REPEAT_WEEKDAYS,
  REPEAT_TYPES,
  REPEAT_TYPE_VALUES,
  TITLE_MAX_UNITS,
  codePoints,
  occurrenceStarts,
  titleUnits,
  utf8Bytes,
} from "@/lib/wecom/rules";

// CSV cells never run as formulas (issue 15, item 3): a meeting titled "=1+2" is
// downloaded from the meetings list's export as text, with the leading apostrophe
// that spreadsheets read as "this is text" (lib/csv/escape-cell.ts).
import { readFile } from "node:fs/promises";
import { expect } from "@playwright/test";
import {
  landedMeetingId,
  runTag,
  shanghai,
  signedIn as test,
  startBooking,
  submitButton,
} from "./fixtures";

test("a meeting titled =1+2 exports as text, not as a formula", async ({ page }) => {
  const tag = runTag();
  const title = `=1+2 ${tag}`;
  await startBooking(page, { title, start: shanghai(4, 9).wall });
  await submitButton(page).click();
  await landedMeetingId(page);

  await page.goto(`/meetings?q=${encodeURIComponent(tag)}`);
  await expect(page.getByTestId("meetings-table").locator("tbody tr")).toHaveCount(1);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出 CSV" }).click();
  const download = await downloading;
  const body = await readFile((await download.path())!, "utf8");
  const rows = body.slice(1).trim().split(/\r?\n/);
  expect(rows).toHaveLength(2);
  expect(rows[1]!.split(",")[0]).toBe(`'${title}`);
});

import { WorksheetProxy } from "../../support/fake-excel/worksheet";

/**
 * The shared fake has no worksheet.pageLayout yet. This recorder gives it one for these tests:
 * each setting is queued like any other write and lands, at sync, under the sheet's name.
 */
export const pageSetups = new Map<string, Record<string, unknown>>();

export function recordPageLayout(): void {
  Object.defineProperty(WorksheetProxy.prototype, "pageLayout", {
    configurable: true,
    get(this: WorksheetProxy) {
      const sheet = this;
      sheet.context.requireApi("Worksheet.pageLayout", "1.9");
      const put = (key: string, value: unknown) =>
        sheet.context.enqueue(() => {
          const name = sheet.must().name;
          pageSetups.set(name, { ...(pageSetups.get(name) ?? {}), [key]: value });
        });
      const layout: Record<string, unknown> = { setPrintTitleRows: (rows: string) => put("printTitleRows", rows) };
      for (const key of ["orientation", "paperSize", "zoom", "centerHorizontally"]) {
        Object.defineProperty(layout, key, { set: (value: unknown) => put(key, value) });
      }
      return layout;
    },
  });
}

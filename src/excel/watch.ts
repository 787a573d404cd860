import { API, ExcelHost, OfficeHost, supports } from "./host";

type OnChange = (sheet: string, address: string) => void;

/**
 * Worksheet.onChanged (ExcelApi 1.7) for the checked sheets. A handler is registered once per sheet
 * and lives as long as the pane; which sheets count, and who hears of it, changes with each check,
 * so removing handlers (which needs the context they were added on) is never needed.
 */
export class SheetWatcher {
  private registered = new Set<string>();
  private watched = new Set<string>();
  private listener: OnChange | null = null;

  constructor(
    private readonly excel: ExcelHost,
    private readonly office: OfficeHost,
  ) {}

  async watch(sheets: string[], onChange: OnChange): Promise<void> {
    if (!supports(this.office, API.changeEvents)) return;
    this.watched = new Set(sheets);
    this.listener = onChange;
    const fresh = sheets.filter((s) => !this.registered.has(s));
    if (fresh.length) {
      try {
        await this.excel.run(async (context) => {
          for (const name of fresh) {
            const sheet = context.workbook.worksheets.getItemOrNullObject(name);
            sheet.onChanged.add(async (event: Excel.WorksheetChangedEventArgs) => this.deliver(name, event.address));
          }
          await context.sync();
        });
        fresh.forEach((s) => this.registered.add(s));
      } catch (error) {
        // Without events the list simply cannot tell it went stale; checking still works.
        console.error("budget-check: could not watch sheets for changes", error);
      }
    }
  }

  private deliver(sheet: string, address: string): void {
    if (this.watched.has(sheet)) this.listener?.(sheet, address);
  }
}

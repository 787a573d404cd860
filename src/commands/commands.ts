/**
 * Ribbon commands (ExecuteFunction). 「检查本表」 checks the active sheet, marks it, and shows the
 * counts in a small dialog without opening the task pane.
 */
import { runCheck } from "../excel/check-flow";
import { GatewayError, WorkbookGateway } from "../excel/gateway";
import { createOfficeGateway } from "../excel/office-gateway";
import { CheckSummary, dialogUrl, failureSummary, summarise } from "./summary";

const CHECK_FAILED = "检查时出错。请稍后重试；如果问题反复出现，请保存工作簿，关闭后重新打开再试。";

export interface CommandEvent {
  completed(): void;
}

/** Where dialog.html is served from: next to this page. */
function dialogBase(): string {
  return new URL("dialog.html", window.location.href).href;
}

/**
 * Resolves when the user closes the dialog: the command's page must stay alive until then, so
 * event.completed() waits for it. The dialog has one message, "close". It never asks this page to
 * open the task pane: Office.addin.showAsTaskpane() needs a shared runtime, which the manifest
 * deliberately does not declare (see docs/decisions.md), so the dialog names the button that opens it.
 */
export function showSummary(office: typeof Office, summary: CheckSummary, base = dialogBase()): Promise<void> {
  return new Promise((resolve) => {
    office.context.ui.displayDialogAsync(dialogUrl(base, summary), { height: 30, width: 30, displayInIframe: true }, (result) => {
      if (result.status !== office.AsyncResultStatus.Succeeded) return resolve();
      const dialog = result.value;
      dialog.addEventHandler(office.EventType.DialogMessageReceived, () => {
        dialog.close();
        resolve();
      });
      // The user closed it with the window's own close button.
      dialog.addEventHandler(office.EventType.DialogEventReceived, () => resolve());
    });
  });
}

export async function checkActiveSheet(
  event: CommandEvent,
  gateway: WorkbookGateway = createOfficeGateway(),
  office: typeof Office = Office,
  base?: string,
): Promise<void> {
  let summary: CheckSummary;
  try {
    summary = summarise(await runCheck(gateway, "active"));
  } catch (error) {
    // Only a GatewayError carries a sentence written for the user; anything else (a TypeError, an
    // English host message) stays in the console for diagnosis.
    if (!(error instanceof GatewayError)) console.error("budget-check: 检查本表 failed", error);
    summary = failureSummary(error instanceof GatewayError ? error.message : CHECK_FAILED);
  }
  try {
    await showSummary(office, summary, base);
  } finally {
    // Office waits for this before it lets the user run the command again.
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    Office.actions.associate("checkActiveSheet", (event: CommandEvent) => checkActiveSheet(event));
  });
}

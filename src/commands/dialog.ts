/** The small result dialog of 「检查本表」: renders the summary passed in the query string, in Fluent. */
import { FluentProvider } from "@fluentui/react-components";
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { themeForOffice } from "../ui/theme";
import { DialogView } from "./DialogView";
import { CheckSummary, parseSummary } from "./summary";

export function summaryFrom(search: string): CheckSummary {
  return parseSummary(search) ?? { headline: "没有收到检查结果，请重新运行「检查本表」。", problems: [] };
}

/** The dialog tells the command page it is done; outside Office it just closes. */
function send(message: "close"): void {
  if (typeof Office !== "undefined" && Office.context?.ui?.messageParent) Office.context.ui.messageParent(message);
  else window.close();
}

function officeTheme(): Office.OfficeTheme | undefined {
  try {
    return typeof Office !== "undefined" ? Office.context?.officeTheme : undefined;
  } catch {
    return undefined;
  }
}

export function mountDialog(container: HTMLElement, search: string, theme?: Office.OfficeTheme): void {
  const view = createElement(DialogView, {
    summary: summaryFrom(search),
    onClose: () => send("close"),
  });
  createRoot(container).render(createElement(FluentProvider, { theme: themeForOffice(theme) }, view));
}

const container = typeof document !== "undefined" ? document.getElementById("dialog") : null;
if (container) {
  if (typeof Office !== "undefined") void Office.onReady(() => mountDialog(container, window.location.search, officeTheme()));
  else mountDialog(container, window.location.search);
}

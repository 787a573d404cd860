/** The small result dialog of 「检查本表」: renders the summary passed in the query string. */
import { parseSummary } from "./summary";

export function renderSummary(doc: Document, search: string): void {
  const summary = parseSummary(search) ?? { headline: "没有收到检查结果，请重新运行「检查本表」。", problems: [] };
  doc.getElementById("summary")!.textContent = summary.headline;
  const list = doc.getElementById("problems")!;
  list.replaceChildren(
    ...summary.problems.map((p) => {
      const li = doc.createElement("li");
      li.textContent = p;
      return li;
    }),
  );
}

function close(): void {
  // messageParent makes the command page close the dialog; outside Office just close the window.
  if (typeof Office !== "undefined" && Office.context?.ui?.messageParent) Office.context.ui.messageParent("close");
  else window.close();
}

if (typeof document !== "undefined" && document.getElementById("summary")) {
  renderSummary(document, window.location.search);
  document.getElementById("close")?.addEventListener("click", close);
  if (typeof Office !== "undefined") void Office.onReady();
}

/** How the pane was opened: the ribbon buttons open it with a query string (see manifest.xml). */
export interface Launch {
  view: "check" | "templates";
  /** Run 检查工作簿 as soon as the pane opens. */
  checkWorkbook: boolean;
}

export function parseLaunch(search: string): Launch {
  const params = new URLSearchParams(search);
  return {
    view: params.get("view") === "templates" ? "templates" : "check",
    checkWorkbook: params.get("action") === "checkWorkbook",
  };
}

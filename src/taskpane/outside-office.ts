/**
 * What taskpane.html shows when it is not running inside Office (opened straight in a browser, or
 * office.js could not load): it says so and points to the browser page, instead of waiting forever.
 * Plain DOM with textContent, so it works before React and Fluent have started.
 */
export type OutsideReason = "no-office-script" | "no-host" | "timeout";

export const BROWSER_PAGE = "check.html";

const REASON: Record<OutsideReason, string> = {
  "no-office-script":
    "Office 脚本未能加载。如果是在 Excel 中看到此提示，请确认网络可以访问 appsforoffice.microsoft.com 后重新打开加载项。",
  "no-host": "当前是在普通浏览器中打开的，不在 Excel 中。",
  timeout: "等待 Excel 响应超时。如果是在 Excel 中看到此提示，请关闭任务窗格后重新打开。",
};

export function showOutsideOffice(container: HTMLElement, reason: OutsideReason): void {
  const doc = container.ownerDocument;
  const box = doc.createElement("div");
  box.setAttribute("role", "alert");
  box.style.cssText = "padding:16px;line-height:1.6;font-size:14px;color:#242424;";

  const title = doc.createElement("h1");
  title.textContent = "此页面需要在 Excel 中打开";
  title.style.cssText = "font-size:18px;margin:0 0 8px;";

  const what = doc.createElement("p");
  what.textContent = `这是「预算表检查」Excel 加载项的任务窗格。${REASON[reason]}`;

  const alt = doc.createElement("p");
  alt.append("没有 Excel 或无法安装加载项（例如使用 WPS、Mac 或受管控的电脑）时，请改用浏览器版，文件只在本机检查、不会上传：");
  const link = doc.createElement("a");
  link.href = BROWSER_PAGE;
  link.textContent = "打开预算表检查（浏览器版）";
  link.style.cssText = "display:inline-block;margin-top:4px;font-weight:600;";
  alt.append(doc.createElement("br"), link);

  box.append(title, what, alt);
  container.replaceChildren(box);
}

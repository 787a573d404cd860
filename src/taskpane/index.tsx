import { FluentProvider } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { createOfficeGateway } from "../excel/office-gateway";
import { App } from "./App";
import { parseLaunch } from "./launch";
import { themeForOffice } from "./theme";

function officeTheme(): Office.OfficeTheme | undefined {
  try {
    return Office.context?.officeTheme;
  } catch {
    // Some hosts throw instead of returning undefined when they have no theme to report.
    return undefined;
  }
}

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  if (typeof Office === "undefined") {
    container.textContent = "未能加载 Office 脚本，请在 Excel 中打开本加载项，并确认网络可以访问 appsforoffice.microsoft.com。";
  } else {
    void Office.onReady(() => {
      root.render(
        <FluentProvider theme={themeForOffice(officeTheme())}>
          <App gateway={createOfficeGateway()} launch={parseLaunch(window.location.search)} />
        </FluentProvider>,
      );
    });
  }
}

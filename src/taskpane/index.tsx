import { FluentProvider } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { createOfficeGateway } from "../excel/office-gateway";
import { App } from "./App";
import { parseLaunch } from "./launch";
import { showOutsideOffice } from "./outside-office";
import { themeForOffice } from "../ui/theme";

function officeTheme(): Office.OfficeTheme | undefined {
  try {
    return Office.context?.officeTheme;
  } catch {
    // Some hosts throw instead of returning undefined when they have no theme to report.
    return undefined;
  }
}

/** Office answers onReady within a second or two inside a host; beyond this the page explains itself. */
const OFFICE_READY_TIMEOUT_MS = 15_000;

const container = document.getElementById("container");
if (container) {
  if (typeof Office === "undefined") {
    showOutsideOffice(container, "no-office-script");
  } else {
    let ready = false;
    const waiting = setTimeout(() => !ready && showOutsideOffice(container, "timeout"), OFFICE_READY_TIMEOUT_MS);
    void Office.onReady((info) => {
      ready = true;
      clearTimeout(waiting);
      // office.js in a plain browser tab resolves with no host: there is no workbook to check.
      if (!info?.host) {
        showOutsideOffice(container, "no-host");
        return;
      }
      container.replaceChildren();
      createRoot(container).render(
        <FluentProvider theme={themeForOffice(officeTheme())}>
          <App gateway={createOfficeGateway()} launch={parseLaunch(window.location.search)} />
        </FluentProvider>,
      );
    });
  }
}

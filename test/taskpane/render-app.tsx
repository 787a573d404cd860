import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import { checkWorkbook } from "../../src/core/check";
import { Finding } from "../../src/core/finding";
import { SheetSnapshot } from "../../src/core/snapshot";
import { App } from "../../src/taskpane/App";
import { Launch } from "../../src/taskpane/launch";
import { FakeGateway } from "./fake-gateway";
import { notesSheet, summaryWithWrongSpendTotal } from "./workbook-fixture";

export function renderApp(gateway: FakeGateway, launch?: Launch) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App gateway={gateway} launch={launch} />
    </FluentProvider>,
  );
}

export function fixtureSheets(): SheetSnapshot[] {
  return [summaryWithWrongSpendTotal(), notesSheet()];
}

/**
 * What the core finds in the fixture: the pane must show exactly these. The tests derive their
 * expectations from the core rather than from literals, so they test the pane, not the rules.
 */
export function expectedFindings(tolerance = "0.01"): Finding[] {
  const findings = checkWorkbook(fixtureSheets(), { tolerance }).findings;
  if (!findings.some((f) => f.rule === "BAL-SPEND")) throw new Error("fixture must yield a BAL-SPEND finding");
  return findings;
}

import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { browserStore } from "./browser-store";
import { spawnCheckWorker } from "./spawn-worker";
import { WebApp } from "./WebApp";
import { workerEngine } from "./worker-client";

const container = document.getElementById("container");
if (container) {
  const dark = typeof window.matchMedia === "function" && window.matchMedia("(prefers-color-scheme: dark)").matches;
  createRoot(container).render(
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <WebApp engine={workerEngine(spawnCheckWorker)} store={browserStore()} />
    </FluentProvider>,
  );
}

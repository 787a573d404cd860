import fs from "fs";
import { Browser, chromium } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium";

/**
 * Debian's Chromium, headless, with the flags this closed network needs: without the
 * background-networking ones Chromium keeps trying Google's hosts and its connections are refused.
 * A missing browser fails the suite and says which package to install; it never skips it.
 */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `找不到 ${CHROMIUM}：端到端测试需要 Debian 的 chromium。请运行 \`apt-get install chromium\`（CI 的 .ci/run 会自动安装）。`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

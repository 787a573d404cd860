import fs from "fs";
import { Browser, chromium } from "playwright-core";

/** CHROMIUM_PATH names another Chromium or Chrome (Windows, macOS); Debian's is the default. */
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/**
 * Debian's Chromium, headless, with the flags this closed network needs: without the
 * background-networking ones Chromium keeps trying Google's hosts and its connections are refused.
 * A missing browser fails the suite and says which package to install; it never skips it.
 */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `找不到 ${CHROMIUM}：端到端测试需要 Chromium。Debian 上请运行 \`apt-get install chromium\`（CI 的 .ci/run 会自动安装）；其他系统请用环境变量 CHROMIUM_PATH 指向 Chromium 或 Chrome 的可执行文件。`,
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

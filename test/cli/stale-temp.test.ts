import { existsSync, readdirSync, utimesSync, writeFileSync } from "fs";
import path from "path";
import { writeFileAtomic } from "../../src/cli/output-path";
import { runCli, tempDir, writeSummaryWorkbook } from "./cli-helpers";

/** A PID above Linux's largest possible pid_max (2^22): no process can have it. */
const DEAD_PID = 4194305;
const DAY_MS = 24 * 3600 * 1000;

describe("temporary files left by a killed run (issue 18)", () => {
  it("the next --annotate to the same output removes the one kill -9 left, and nothing else", async () => {
    const dir = tempDir();
    const input = path.join(dir, "in.xlsx");
    await writeSummaryWorkbook(input);
    const left = `.out.xlsx.${DEAD_PID}.${Date.now() - 60000}.tmp`;
    writeFileSync(path.join(dir, left), "half a zip");
    const r = await runCli([input, "--annotate", path.join(dir, "out.xlsx")]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["in.xlsx", "out.xlsx"]);
  });

  it("removes only its own pattern for this output: a dead PID, or older than a day; never a live run's or anyone else's", async () => {
    const dir = tempDir();
    const now = Date.now();
    const oldLive = path.join(dir, `.out.xlsx.${process.pid}.${now - 2 * DAY_MS}.tmp`);
    const names = {
      dead: `.out.xlsx.${DEAD_PID}.${now}.tmp`,
      oldLive: path.basename(oldLive),
      freshLive: `.out.xlsx.${process.pid}.${now - 1000}.tmp`,
      otherOutput: `.other.xlsx.${DEAD_PID}.${now}.tmp`,
      usersOwn: ".out.xlsx.tmp",
      notOurs: `.out.xlsx.${DEAD_PID}.tmp`,
      notANumber: ".out.xlsx.abc.123.tmp",
    };
    for (const n of Object.values(names)) writeFileSync(path.join(dir, n), "x");
    const twoDaysAgo = new Date(now - 2 * DAY_MS);
    utimesSync(oldLive, twoDaysAgo, twoDaysAgo);
    await writeFileAtomic(path.join(dir, "out.xlsx"), Buffer.from("new"));
    const left = new Set(readdirSync(dir));
    expect(left.has("out.xlsx")).toBe(true);
    expect(left.has(names.dead)).toBe(false);
    expect(left.has(names.oldLive)).toBe(false);
    for (const kept of [names.freshLive, names.otherOutput, names.usersOwn, names.notOurs, names.notANumber])
      expect(existsSync(path.join(dir, kept))).toBe(true);
  });
});

import { checkFile } from "../../../../src/cli/batch/check-file";
import { serve } from "../../../../src/cli/batch/worker";

import { BALLAST } from "./ballast";

/**
 * A worker whose every outcome is heavy: the file checked for real, plus a skipped sheet named by
 * six million characters. A run that kept every outcome in memory would hold them all at once.
 */
serve(async (task) => {
  const outcome = await checkFile(task);
  if (outcome.status === "checked") outcome.skipped = [{ name: "x".repeat(BALLAST), reason: "hidden" }];
  return outcome;
});

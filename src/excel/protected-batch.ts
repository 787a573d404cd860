import { GatewayProblem } from "./gateway";
import { Action, describe, problemFrom } from "./messages";

/**
 * Writes to a protected sheet in a batch of its own: unprotect (no password), the queued work,
 * protect again with exactly the options the user had. Returns null when it went through, or the
 * sheet's problem in Chinese — without failing the caller, so other sheets are still written.
 *
 * The templates we insert protect their sheets without a password, so this is how they get marked.
 * A sheet the user protected with a password refuses unprotect(); nothing of the batch then applies.
 */
export async function underProtection(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  name: string,
  options: Excel.WorksheetProtectionOptions,
  action: Action,
  work: () => void,
): Promise<GatewayProblem | null> {
  sheet.protection.unprotect();
  work();
  sheet.protection.protect(options);
  try {
    await context.sync();
    return null;
  } catch (error) {
    // Operations before the failing one stay applied: if unprotect() went through and a write
    // failed, the sheet must not be left open.
    const refused = await reprotect(context, sheet, options);
    // Office.js documents no code for a missing password; hosts answer AccessDenied or InvalidArgument.
    const code = (error as { code?: unknown } | null)?.code;
    if (refused && (code === "AccessDenied" || code === "InvalidArgument"))
      return { sheet: name, code: "AccessDenied", message: describe("AccessDenied", action, name) };
    return problemFrom(error, action, name);
  }
}

/** Protects the sheet again if the failed batch left it open; true when unprotect() itself was refused. */
async function reprotect(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  options: Excel.WorksheetProtectionOptions,
): Promise<boolean> {
  try {
    const protection = sheet.protection.load("protected");
    await context.sync();
    if (protection.protected) return true;
    protection.protect(options);
    await context.sync();
  } catch (error) {
    console.error("budget-check: could not restore the sheet's protection", error);
  }
  return false;
}

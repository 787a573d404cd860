import { toleranceProblem } from "../core/tolerance";
import { AddinSettings, DEFAULT_SETTINGS, GatewayError } from "./gateway";
import { API, ExcelHost, OfficeHost, supports } from "./host";
import { describe, gatewayError } from "./messages";

export const SETTINGS_KEY = "budgetCheck.settings";

/** Keeps only well-formed fields, so a damaged or older setting never breaks a check. */
export function normaliseSettings(value: unknown): AddinSettings {
  const v = (value ?? {}) as Partial<AddinSettings>;
  const tolerance =
    typeof v.tolerance === "string" && toleranceProblem(v.tolerance) === null ? v.tolerance.trim() : DEFAULT_SETTINGS.tolerance;
  const ignored = Array.isArray(v.ignored) ? v.ignored.filter((x): x is string => typeof x === "string") : [];
  return { tolerance, ignored };
}

export async function loadSettings(excel: ExcelHost, office: OfficeHost): Promise<AddinSettings> {
  if (!supports(office, API.settings)) return { ...DEFAULT_SETTINGS, ignored: [] };
  try {
    return await excel.run(async (context) => {
      const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY).load("value");
      await context.sync();
      return normaliseSettings(item.isNullObject ? null : item.value);
    });
  } catch (error) {
    throw gatewayError(error, "read");
  }
}

export async function saveSettings(excel: ExcelHost, office: OfficeHost, settings: AddinSettings): Promise<void> {
  if (!supports(office, API.settings)) {
    throw new GatewayError(
      "RequirementSetMissing",
      describe("RequirementSetMissing", "settings", undefined, "在工作簿中保存设置（ExcelApi 1.4）"),
    );
  }
  try {
    await excel.run(async (context) => {
      context.workbook.settings.add(SETTINGS_KEY, normaliseSettings(settings));
      await context.sync();
    });
  } catch (error) {
    throw gatewayError(error, "settings");
  }
}

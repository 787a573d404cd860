import { GatewayError } from "../excel/gateway";
import { toleranceProblem } from "../core/tolerance";

/**
 * The Chinese sentence shown for a failure. Gateway errors already carry one; anything else is an
 * internal fault, and the user gets a plain sentence rather than a stack trace.
 */
export function describeError(error: unknown, action: string): string {
  if (error instanceof GatewayError) return error.message;
  if (error instanceof RangeError && /容差/.test(error.message)) return "容差设置无效，请在「设置」中改为非负数字后重试。";
  // The raw text (often English) is for diagnosis only, never for the pane.
  console.error(`budget-check: ${action}失败`, error);
  return `${action}失败。请稍后重试；如果问题反复出现，请关闭任务窗格后重新打开。`;
}

/** A non-negative decimal such as 0.01, 0.5 or 1: the rounding band the core accepts (src/core/tolerance.ts). */
export const validateTolerance = toleranceProblem;

import { GatewayError, GatewayErrorCode, GatewayProblem } from "./gateway";

/** What the user was doing, for the Chinese messages. */
export type Action = "read" | "paint" | "clear" | "select" | "settings" | "insert" | "fix" | "export";

const VERB: Record<Action, string> = {
  read: "读取表格",
  paint: "添加标记",
  clear: "清除标记",
  select: "定位单元格",
  settings: "保存设置",
  insert: "插入模板",
  fix: "修改单元格",
  export: "导出结果",
};

const KNOWN: readonly GatewayErrorCode[] = [
  "Changed",
  "AccessDenied",
  "InvalidOperationInCellEditMode",
  "RequirementSetMissing",
  "SheetTooLarge",
  "ItemNotFound",
];

export function errorCode(error: unknown): GatewayErrorCode {
  if (error instanceof GatewayError) return error.code;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ApiNotFound") return "RequirementSetMissing";
  return typeof code === "string" && (KNOWN as readonly string[]).includes(code) ? (code as GatewayErrorCode) : "Unknown";
}

/** One plain Chinese sentence or two: what happened, and what to do. */
export function describe(code: GatewayErrorCode, action: Action, sheet?: string, detail?: string): string {
  const where = sheet ? `工作表“${sheet}”` : "工作簿";
  switch (code) {
    case "AccessDenied":
      return action === "paint"
        ? `${where}受保护，无法添加标记。请撤销工作表保护后重试；检查结果不受影响。`
        : `${where}受保护，无法${VERB[action]}。请撤销工作表保护（审阅 → 撤销工作表保护）后重试。`;
    case "InvalidOperationInCellEditMode":
      return `Excel 正在编辑单元格，暂时无法${VERB[action]}。请按 Enter 或 Esc 结束编辑后重试。`;
    case "RequirementSetMissing":
      return `当前 Excel 版本不支持${detail ?? VERB[action]}所需的功能。请升级到 Office 2019 或更新版本，或使用网页版 Excel。`;
    case "SheetTooLarge":
      return `${where}的已用区域有 ${detail ?? "超过 500 万"} 个单元格，超过 Excel 单次读取 500 万个单元格的上限，已跳过。请删除多余的空行空列或拆分表格后重试；其他工作表照常检查。`;
    case "HiddenSheetSkipped":
      return `隐藏的工作表未检查：${detail ?? ""}。如需检查，请先取消隐藏（右键工作表标签 → 取消隐藏）。`;
    case "Changed":
      return `${sheet ? `工作表“${sheet}”中` : ""}这个单元格在检查之后已被修改，未作更改。请重新检查后再试。`;
    case "ItemNotFound":
      return `找不到${where}，它可能已被删除或改名。请重新检查后再试。`;
    default:
      // Excel's own text ("An internal error has occurred.") is English and means nothing to the
      // user; it goes to the console only (see problemFrom).
      return `${VERB[action]}时出错。请稍后重试；如果问题反复出现，请保存工作簿，关闭后重新打开再试。`;
  }
}

export function problemFrom(error: unknown, action: Action, sheet?: string): GatewayProblem {
  if (error instanceof GatewayError) return { ...(sheet ? { sheet } : {}), code: error.code, message: error.message };
  const code = errorCode(error);
  if (code === "Unknown") console.error(`budget-check: ${action} failed`, error);
  return { ...(sheet ? { sheet } : {}), code, message: describe(code, action, sheet) };
}

export function gatewayError(error: unknown, action: Action, sheet?: string): GatewayError {
  if (error instanceof GatewayError) return error;
  const p = problemFrom(error, action, sheet);
  return new GatewayError(p.code, p.message);
}

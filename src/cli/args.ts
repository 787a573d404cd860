import { toleranceProblem } from "../core/tolerance";
import { isTemplateKind, TemplateKind } from "../templates/catalog";

export interface CliOptions {
  files: string[];
  json: boolean;
  annotate?: string;
  /** Writes a copy with every safe fix applied (one input). */
  fix?: string;
  tolerance?: string;
  template?: TemplateKind | "all";
  out?: string;
  blocks?: number;
  /** Lets --template, --annotate, --fix, --report and --csv replace an existing file (never an input). */
  force: boolean;
  /** Batch review (src/cli/batch): the report workbook, the CSV of findings, worker count, seconds per file. */
  report?: string;
  csv?: string;
  jobs?: number;
  timeout?: number;
  quiet: boolean;
  /** Check hidden sheets too (skipped and named by default, as in the add-in). */
  includeHidden: boolean;
  rules: boolean;
  help: boolean;
}

export class UsageError extends Error {}

/** One day is the issue-18 ceiling; far beyond it (2^31 ms) Node would fire the timer at once, not late. */
export const MAX_TIMEOUT_S = 86400;

export const USAGE = `用法：
  budget-check 文件.xlsx [文件2.xlsx …] [--json] [--tolerance 0.01]
  budget-check 文件.xlsx --annotate 输出.xlsx [--force]
  budget-check 文件.xlsx --fix 修复副本.xlsx [--force]
  budget-check 文件或文件夹… --report 报告.xlsx [--csv 明细.csv] [--jobs N] [--timeout 秒] [--quiet]
  budget-check --template 收支总表|绩效指标|all --out 输出.xlsx [--blocks N] [--force]
  budget-check --rules [--json]  列出全部检查规则、说明与改法
选项：
  --json            以 JSON 输出检查结果（仅输出 JSON）
  --annotate OUT    另存一份标注副本：问题单元格以条件格式标色、附批注，并新增「检查结果」表（原文件不改动）；
                    已存在的文件只在它是本工具先前写出的副本或加了 --force 时才被替换
  --fix OUT         另存一份修复副本：应用全部可安全自动修复的问题（与任务窗格的一键修复相同），
                    逐个列出修改的单元格及修改前后的内容（原文件不改动；已存在的文件需加 --force 才替换）
  --include-hidden  也检查隐藏的工作表（默认跳过并列出）
  --tolerance N     舍入容差，默认 0.01（单位同表内金额单位）
  --template KIND   写出空白模板；--out 指定输出文件（已存在时需加 --force 才覆盖）
  --report OUT      批量检查：写出汇总报告工作簿（汇总、明细、规则统计），已存在时需加 --force
  --csv OUT         批量检查：把明细另存为 CSV（UTF-8），已存在时需加 --force
  --jobs N          同时检查的文件数，默认为 CPU 核数（最多 8）
  --timeout S       单个文件的检查时限（秒），默认 60，最多 86400；超时的文件记为未能检查
  --quiet           不显示进度
文件夹会逐层查找其中的 .xlsx 与 .xlsm（跳过 ~$ 临时文件、隐藏文件夹和本工具写出的标注副本与报告）。
相对路径按运行命令时所在的文件夹解析（npm run check 时亦然）。
退出码：0 无错误；1 有错误级问题；2 用法错误、文件缺失、非 xlsx、损坏、加密、过大、无法读取或无法写出；3 程序内部错误`;

function takeValue(argv: string[], i: number, flag: string): string {
  const v = argv[i + 1];
  if (v === undefined || v.startsWith("--")) throw new UsageError(`选项 ${flag} 需要一个值`);
  return v;
}

export function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = { files: [], json: false, force: false, includeHidden: false, quiet: false, rules: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith("--") ? a.indexOf("=") : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = takeValue(argv, i, flag);
      i++;
      return v;
    };
    // An empty path (`--report=`, `--annotate ""`) would otherwise read as "no output asked for".
    const pathValue = (): string => {
      const v = value();
      if (v.trim() === "") throw new UsageError(`选项 ${flag} 的输出路径不能为空`);
      return v;
    };
    switch (flag) {
      case "--json":
        o.json = true;
        break;
      case "--annotate":
        o.annotate = pathValue();
        break;
      case "--fix":
        o.fix = value();
        break;
      case "--tolerance": {
        const t = value();
        const problem = toleranceProblem(t);
        if (problem) throw new UsageError(`${problem.replace(/。$/, "")}：${t}`);
        o.tolerance = t;
        break;
      }
      case "--template": {
        const t = value();
        if (t !== "all" && !isTemplateKind(t)) throw new UsageError(`未知模板「${t}」，可选：收支总表、绩效指标、all`);
        o.template = t;
        break;
      }
      case "--out":
        o.out = pathValue();
        break;
      case "--blocks": {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1 || n > 50) throw new UsageError("--blocks 必须是 1 到 50 的整数");
        o.blocks = n;
        break;
      }
      case "--force":
        o.force = true;
        break;
      case "--report":
        o.report = pathValue();
        break;
      case "--csv":
        o.csv = pathValue();
        break;
      case "--jobs": {
        const t = value();
        const n = Number(t);
        if (!/^\d+$/.test(t) || n < 1 || n > 64) throw new UsageError(`--jobs 必须是 1 到 64 的整数：${t}`);
        o.jobs = n;
        break;
      }
      case "--timeout": {
        const t = value();
        const n = Number(t);
        if (!/^(\d+(\.\d+)?|\.\d+)$/.test(t) || n <= 0 || n > MAX_TIMEOUT_S)
          throw new UsageError(`--timeout 必须是大于 0、不超过 ${MAX_TIMEOUT_S}（一天）的秒数，例如 60：${t}`);
        o.timeout = n;
        break;
      }
      case "--quiet":
        o.quiet = true;
        break;
      case "--include-hidden":
        o.includeHidden = true;
        break;
      case "--rules":
        o.rules = true;
        break;
      case "-h":
      case "--help":
        o.help = true;
        break;
      default:
        if (a.startsWith("-")) throw new UsageError(`未知选项 ${a}`);
        o.files.push(a);
    }
  }
  if (o.help || o.rules) return o;
  if (o.template) {
    if (!o.out) throw new UsageError("写出模板需要 --out 输出文件");
    if (o.files.length) throw new UsageError("--template 不能与待检查文件同时使用");
    return o;
  }
  if (o.out) throw new UsageError("--out 只与 --template 一起使用");
  if (o.files.length === 0) throw new UsageError("请指定要检查的 .xlsx 文件");
  if (o.annotate && o.files.length !== 1) throw new UsageError("--annotate 只接受一个输入文件");
  if (o.annotate && (o.report || o.csv || o.jobs))
    throw new UsageError("--annotate 只检查一个文件，不能与 --report、--csv 或 --jobs 同时使用");
  if (o.fix && o.files.length !== 1) throw new UsageError("--fix 只接受一个输入文件");
  if (o.fix && (o.report || o.csv || o.jobs))
    throw new UsageError("--fix 只检查一个文件，不能与 --report、--csv 或 --jobs 同时使用");
  return o;
}

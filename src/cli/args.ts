import { toleranceProblem } from "../core/tolerance";
import { isTemplateKind, TemplateKind } from "../templates/catalog";

export interface CliOptions {
  files: string[];
  json: boolean;
  annotate?: string;
  /** Writes a copy with every safe fix applied (one input). */
  fix?: string;
  tolerance?: string;
  /** A 说明 beside the one workbook checked (issue 20): a .txt or .docx file. */
  narrative?: string;
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
  /** This year against last year (issue 21): last year's workbook, or in batch a folder of them. */
  compare?: string;
  compareDir?: string;
  /** YOY-CHANGE's rate, in percent (default 30). */
  changeThreshold?: string;
  /** Batch: the list of units that must report, and the batch's year (else the most common one). */
  expect?: string;
  year?: number;
  /** Batch: take up a killed run from the journal beside its --report. */
  resume?: boolean;
}

export class UsageError extends Error {}

/** One day is the issue-18 ceiling; far beyond it (2^31 ms) Node would fire the timer at once, not late. */
export const MAX_TIMEOUT_S = 86400;

export const USAGE = `用法：
  budget-check 文件.xlsx [文件2.xlsx …] [--json] [--tolerance 0.01]
  budget-check 文件.xlsx --narrative 说明.docx|说明.txt [--json]
  budget-check 文件.xlsx --annotate 输出.xlsx [--force]
  budget-check 文件.xlsx --fix 修复副本.xlsx [--force]
  budget-check 文件或文件夹… --report 报告.xlsx [--csv 明细.csv] [--jobs N] [--timeout 秒] [--quiet]
  budget-check 本年.xlsx --compare 上年.xlsx [--change-threshold 30] [--json|--annotate 输出.xlsx|--report 报告.xlsx]
  budget-check 本年文件夹 --compare-dir 上年文件夹 --report 报告.xlsx [--expect 单位名单.csv|.xlsx] [--year 2025]
  budget-check --template 收支总表|绩效指标|all --out 输出.xlsx [--blocks N] [--force]
  budget-check --rules [--json]  列出全部检查规则、说明与改法
选项：
  --json            以 JSON 输出检查结果（仅输出 JSON）
  --annotate OUT    另存一份标注副本：问题单元格以条件格式标色、附批注，并新增「检查结果」表（原文件不改动）；
                    已存在的文件只在它是本工具先前写出的副本或加了 --force 时才被替换
  --fix OUT         另存一份修复副本：应用全部可安全自动修复的问题（与任务窗格的一键修复相同），
                    逐个列出修改的单元格及修改前后的内容（原文件不改动；已存在的文件需加 --force 才替换）
  --include-hidden  也检查隐藏的工作表（默认跳过并列出）
  --narrative FILE  与工作簿一起核对的说明文字（.docx，或 UTF-8、GBK 编码的 .txt）：算术、增减方向、与表中数是否一致
  --tolerance N     舍入容差，默认 0.01（单位同表内金额单位）
  --template KIND   写出空白模板；--out 指定输出文件（已存在时需加 --force 才覆盖）
  --report OUT      批量检查：写出汇总报告工作簿（汇总、明细、规则统计），已存在时需加 --force
  --csv OUT         批量检查：把明细另存为 CSV（UTF-8），已存在时需加 --force
  --jobs N          同时检查的文件数，默认为 CPU 核数（最多 8）
  --timeout S       单个文件的检查时限（秒），默认 60，最多 86400；超时的文件记为未能检查
  --quiet           不显示进度
  --compare LAST    与上年对比：上年数是否等于上年文件的数字（YOY-PRIOR）、大幅增减（YOY-CHANGE）、新增或取消的类款、
                    是否把上年文件又报了一次；上年文件只读取、不改动
  --change-threshold P  YOY-CHANGE 的增减幅度（百分比），默认 30
  --compare-dir DIR 批量检查：每个文件按单位名称（其次按文件名）与 DIR 中同一单位的上年文件对比，未配对的文件会列出
  --expect LIST     批量检查：应报送单位名单（.xlsx 或 .csv，含「单位名称」列，可有「单位编码」列），
                    列出未收到、重复、年度不符与名单外的文件
  --year Y          批量检查：本批的年度（默认取多数文件的年度），用于判断年度不符
  --resume          批量检查被中断后，按报告旁的日志（报告.xlsx.journal）接着检查未完成的文件，结果与一次完成的相同
文件夹会逐层查找其中的 .xlsx、.xlsm 与 .xls（跳过 ~$ 临时文件、隐藏文件夹和本工具写出的标注副本与报告）。
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
      case "--narrative":
        o.narrative = value();
        break;
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
      case "--compare":
        o.compare = value();
        break;
      case "--compare-dir":
        o.compareDir = value();
        break;
      case "--change-threshold": {
        const t = value();
        if (!/^(\d+(\.\d+)?|\.\d+)$/.test(t) || Number(t) > 10000)
          throw new UsageError(`--change-threshold 必须是 0 到 10000 之间的百分数，例如 30：${t}`);
        o.changeThreshold = t;
        break;
      }
      case "--expect":
        o.expect = value();
        break;
      case "--year": {
        const t = value();
        if (!/^(19|20)\d{2}$/.test(t)) throw new UsageError(`--year 必须是四位年份，例如 2025：${t}`);
        o.year = Number(t);
        break;
      }
      case "--resume":
        o.resume = true;
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
  if (o.narrative !== undefined && (o.files.length !== 1 || o.report || o.csv))
    throw new UsageError("--narrative 只与一个工作簿一起使用，不能用于批量检查");
  if (o.annotate && o.files.length !== 1) throw new UsageError("--annotate 只接受一个输入文件");
  if (o.compare && o.compareDir) throw new UsageError("--compare 与 --compare-dir 只能用其一");
  if (o.changeThreshold !== undefined && !o.compare && !o.compareDir)
    throw new UsageError("--change-threshold 只与 --compare 或 --compare-dir 一起使用");
  if (o.compare && o.files.length !== 1)
    throw new UsageError("--compare 只接受一个本年文件；一批文件请用 --compare-dir 上年文件夹");
  if (o.resume && !o.report) throw new UsageError("--resume 需要与上次相同的 --report 报告文件");
  if (o.year !== undefined && !o.expect) throw new UsageError("--year 只与 --expect 一起使用");
  if (o.annotate && (o.report || o.csv || o.jobs))
    throw new UsageError("--annotate 只检查一个文件，不能与 --report、--csv 或 --jobs 同时使用");
  if (o.fix && o.files.length !== 1) throw new UsageError("--fix 只接受一个输入文件");
  if (o.fix && (o.report || o.csv || o.jobs))
    throw new UsageError("--fix 只检查一个文件，不能与 --report、--csv 或 --jobs 同时使用");
  return o;
}

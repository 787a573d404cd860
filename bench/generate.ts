import ExcelJS from "exceljs";

/** Synthetic but realistic workbooks for the benchmark: project blocks laid out like seed 001. */

const INDICATORS: [string, string, string, string][] = [
  ["产出指标", "数量指标", "开展培训次数", "≥4次"],
  ["", "数量指标", "覆盖人数", "≥1000人次"],
  ["", "质量指标", "任务完成率", "100%"],
  ["", "时效指标", "完成及时率", "≥95%"],
  ["", "成本指标", "预算支出金额", "≤20万元"],
  ["效益指标", "社会效益指标", "群众健康意识", "比上年有所提高"],
  ["", "社会效益指标", "服务覆盖率", "≥90%"],
  ["", "可持续影响指标", "长效机制建设", "逐步完善"],
  ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥95%"],
  ["", "服务对象满意度指标", "投诉处理满意度", "≥90%"],
];

export async function writeIndicatorWorkbook(path: string, indicatorRows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet("绩效目标表");
  const blocks = Math.ceil(indicatorRows / INDICATORS.length);
  let written = 0;
  for (let b = 1; b <= blocks && written < indicatorRows; b++) {
    ws.addRow([`${b}、项目${b}绩效目标表`]).commit();
    ws.addRow(["", "单位：万元"]).commit();
    ws.addRow(["", "项目名称", `项目${b}`]).commit();
    ws.addRow(["", "预算数", 20]).commit();
    ws.addRow(["", "资金支出计划（%）", "3月底", "6月底", "10月底", "12月底"]).commit();
    ws.addRow(["", "", 5, 10, 15, 20]).commit();
    ws.addRow(["", "一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据"]).commit();
    for (const [l1, l2, l3, value] of INDICATORS) {
      if (written >= indicatorRows) break;
      ws.addRow(["", l1, l2, `${l3}${b}`, value, "年度工作计划"]).commit();
      written++;
    }
  }
  await ws.commit();
  await wb.commit();
}

/**
 * A 支出总表-style table keyed by 功能分类 codes whose totals all agree: one 科目编码 column, or
 * (`split`) the 决算 form's 类 | 款 | 项 columns with the 类 repeated on every row.
 */
export async function writeCodeTableWorkbook(path: string, rows: number, split = false): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(split ? "支出决算表" : "支出总表");
  ws.addRow([split ? "支出决算表" : "部门预算支出总表"]).commit();
  ws.addRow(["", "", "", "单位：万元"]).commit();
  ws.addRow(
    split
      ? ["类", "款", "项", "科目名称", "本年支出合计", "基本支出", "项目支出"]
      : ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
  ).commit();
  const body: (string | number)[][] = [];
  let grandBasic = 0;
  let grandProject = 0;
  for (let c = 0; body.length < rows; c++) {
    const classCode = String(201 + c);
    const classRow = body.length;
    body.push([classCode, `类${classCode}`, 0, 0, 0]);
    let classBasic = 0;
    let classProject = 0;
    for (let k = 1; k <= 9 && body.length < rows; k++) {
      const kuanCode = `${classCode}${String(k).padStart(2, "0")}`;
      const kuanRow = body.length;
      body.push([kuanCode, `款${kuanCode}`, 0, 0, 0]);
      let kuanBasic = 0;
      let kuanProject = 0;
      for (let x = 1; x <= 9 && body.length < rows; x++) {
        // Whole cents as integers keep the generator itself free of float sums.
        const basic = ((c * 7 + k * 13 + x * 17) % 5000) + 100;
        const project = ((c * 11 + k * 3 + x * 29) % 7000) + 50;
        body.push([`${kuanCode}${String(x).padStart(2, "0")}`, `项${kuanCode}${x}`, basic + project, basic, project]);
        kuanBasic += basic;
        kuanProject += project;
      }
      body[kuanRow] = [kuanCode, `款${kuanCode}`, kuanBasic + kuanProject, kuanBasic, kuanProject];
      classBasic += kuanBasic;
      classProject += kuanProject;
    }
    body[classRow] = [classCode, `类${classCode}`, classBasic + classProject, classBasic, classProject];
    grandBasic += classBasic;
    grandProject += classProject;
  }
  const cents = (n: number) => n / 100;
  const code = (c: string) => (split ? [c.slice(0, 3), c.slice(3, 5), c.slice(5, 7)] : [c]);
  const none = split ? ["", "", ""] : [""];
  ws.addRow([...none, "合计", cents(grandBasic + grandProject), cents(grandBasic), cents(grandProject)]).commit();
  for (const r of body)
    ws.addRow([...code(r[0] as string), r[1], cents(r[2] as number), cents(r[3] as number), cents(r[4] as number)]).commit();
  await ws.commit();
  await wb.commit();
}

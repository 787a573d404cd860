import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "fs";
import { sofficeConvert } from "../../templates/support/libreoffice";

/** 1×1 transparent PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

/**
 * A 收支总表 with invented figures whose 本年收入合计 (B8) and 本年支出合计 (D8) are wrong and D7 holds a text number, dressed
 * the way accountants' files are: a user's note on D8, an image, a Table, a data bar, a list
 * validation, print setup and a frozen header, all written by exceljs.
 */
export async function exceljsRichWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("收支总表", { views: [{ state: "frozen", ySplit: 4 }] });
  ws.addRow(["部门预算收支总表"]);
  ws.addRow(["演示单位", "", "预算年度：2025", "单位：万元"]);
  ws.addRow(["收入", "", "支出", ""]);
  ws.addRow(["项目", "预算数", "项目", "预算数"]);
  ws.addRow(["一、一般公共预算拨款收入", 1200.5, "八、社会保障和就业支出", 300.25]);
  ws.addRow(["二、政府性基金预算拨款收入", 100, "十、卫生健康支出", 900]);
  ws.addRow(["", null, "二十、住房保障支出", "100.25"]);
  ws.addRow(["本年收入合计", 1290.5, "本年支出合计", 1290.5]);
  ws.addRow(["上年结转结余", null, "年终结转结余", null]);
  ws.addRow(["收入总计", 1300.5, "支出总计", 1300.5]);
  for (let r = 5; r <= 10; r++) for (const c of [2, 4]) ws.getCell(r, c).numFmt = "0.00";
  ws.mergeCells("A1:D1");
  ws.getCell("D8").note = "用户自己的批注：请财务复核";
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("B5").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2EFDA" } };
  ws.pageSetup = { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printArea: "A1:D10" };
  ws.headerFooter = { oddFooter: "第 &P 页" };
  ws.addConditionalFormatting({
    ref: "B5:B7",
    rules: [
      {
        type: "dataBar",
        priority: 1,
        cfvo: [{ type: "min" }, { type: "max" }],
        color: { argb: "FF638EC6" },
      } as ExcelJS.ConditionalFormattingRule,
    ],
  });
  ws.getCell("F5").dataValidation = { type: "list", allowBlank: true, formulae: ['"是,否"'] };
  const image = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
  ws.addImage(image, { tl: { col: 5, row: 12 }, ext: { width: 40, height: 40 } });
  ws.addTable({
    name: "备注表",
    ref: "H3",
    headerRow: true,
    columns: [{ name: "事项" }, { name: "说明" }],
    rows: [
      ["甲", "一"],
      ["乙", "二"],
    ],
  });
  wb.addWorksheet("说明").addRow(["本表数字均为虚构"]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const CT = "[Content_Types].xml";

async function edit(zip: JSZip, part: string, change: (xml: string) => string): Promise<void> {
  zip.file(part, change(await zip.file(part)!.async("string")));
}

const beforeEnd = (xml: string, root: string, text: string) => xml.replace(new RegExp(`</${root}>\\s*$`), `${text}</${root}>`);

/**
 * Adds by hand what exceljs cannot write: a chart in the sheet's drawing, a threaded comment on
 * B8, an Excel 2010 (x14) list validation in extLst, custom document properties, and optionally
 * a VBA project (.xlsm).
 */
export async function withExcelOnlyParts(bytes: Uint8Array, options: { macros?: boolean } = {}): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const sheet = "xl/worksheets/sheet1.xml";
  const sheetRels = "xl/worksheets/_rels/sheet1.xml.rels";
  const drawing = Object.keys(zip.files).find((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))!;
  const drawingRels = drawing.replace("drawings/", "drawings/_rels/") + ".rels";

  zip.file(
    "xl/charts/chart1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'收支总表'!$B$5:$B$6</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`,
  );
  await edit(zip, drawingRels, (x) =>
    beforeEnd(
      x,
      "Relationships",
      `<Relationship Id="rIdChart1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/>`,
    ),
  );
  await edit(zip, drawing, (x) =>
    beforeEnd(
      x,
      "xdr:wsDr",
      `<xdr:twoCellAnchor><xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>25</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="20" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdChart1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
    ),
  );

  zip.file(
    "xl/threadedComments/threadedComment1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><threadedComment ref="B8" dT="2025-03-01T08:00:00.00" personId="{11111111-2222-3333-4444-555555555555}" id="{AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE}"><text>收入合计待核（讨论中）</text></threadedComment></ThreadedComments>`,
  );
  zip.file(
    "xl/persons/person.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><person displayName="审核人" id="{11111111-2222-3333-4444-555555555555}" userId="reviewer" providerId="None"/></personList>`,
  );
  await edit(zip, sheetRels, (x) =>
    beforeEnd(
      x,
      "Relationships",
      `<Relationship Id="rIdTc1" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/>`,
    ),
  );
  await edit(zip, "xl/_rels/workbook.xml.rels", (x) =>
    beforeEnd(
      x,
      "Relationships",
      `<Relationship Id="rIdPerson" Type="http://schemas.microsoft.com/office/2017/10/relationships/person" Target="persons/person.xml"/>`,
    ),
  );

  const x14 = `<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>说明!$A$1:$A$1</xm:f></x14:formula1><xm:sqref>F6</xm:sqref></x14:dataValidation></x14:dataValidations></ext>`;
  // The sheet's own extLst is its last one (a data bar's cfRule carries an inner extLst too).
  await edit(zip, sheet, (x) => {
    const at = x.lastIndexOf("</extLst>");
    return at >= 0 && x.indexOf("<tableParts") < at
      ? x.slice(0, at) + x14 + x.slice(at)
      : beforeEnd(x, "worksheet", `<extLst>${x14}</extLst>`);
  });

  zip.file(
    "docProps/custom.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="预算单位"><vt:lpwstr>演示单位</vt:lpwstr></property></Properties>`,
  );
  await edit(zip, "_rels/.rels", (x) =>
    beforeEnd(
      x,
      "Relationships",
      `<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>`,
    ),
  );

  let types =
    `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>` +
    `<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/>` +
    `<Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/>` +
    `<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>`;
  if (options.macros) {
    zip.file("xl/vbaProject.bin", Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)));
    types += `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>`;
    await edit(zip, "xl/_rels/workbook.xml.rels", (x) =>
      beforeEnd(
        x,
        "Relationships",
        `<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>`,
      ),
    );
  }
  await edit(zip, CT, (x) => {
    const out = beforeEnd(x, "Types", types);
    return options.macros
      ? out.replace(
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
          "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        )
      : out;
  });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Converts each file to `format` with LibreOffice and returns the outputs' bytes. */
export function libreOfficeConvert(files: { name: string; bytes: Uint8Array }[], format = "xlsx"): Buffer[] {
  return sofficeConvert(files, format).map((p) => readFileSync(p));
}

/**
 * The standard tables of seed 001 (秦皇岛市海港区卫生健康局 2025 部门预算), copied row by row from
 * the published text and laid out as the xlsx would hold them: title, unit line, a two-row header
 * with merges, a 栏次 row, then the data from row 6. All tables agree with each other: this is the
 * clean fixture. `mode: "text"` keeps amounts as the texts of the source ("24490.91"); `"number"`
 * stores them as numbers, as real workbooks do.
 */
import { parseA1, parseRange, RectRef } from "../../../src/core/address";
import { LiteralCell, SheetSnapshot, gridSheet } from "../../../src/core/snapshot";
import type { StandardTable } from "../../../src/core/classify";

export type Seed001Table = StandardTable;

interface Spec {
  title: string;
  header: (string | null)[][];
  merges: string[];
  data: (string | null)[][];
}

/** Sheet row (0-based) of the first data row: title, unit line, two header rows, 栏次. */
export const FIRST_DATA_ROW = 5;

const SPECS: Record<Seed001Table, Spec> = {
  收支总表: {
    title: "部门预算收支总表",
    header: [
      ["序号", "收入", null, "支出", null],
      [null, "项  目", "预算数", "项  目", "预算数"],
    ],
    merges: ["A3:A4", "B3:C3", "D3:E3"],
    data: [
      ["1", "一、一般公共预算拨款收入", "24490.91", "一、一般公共服务支出", null],
      ["2", "二、政府性基金预算拨款收入", null, "二、外交支出", null],
      ["3", "三、国有资本经营预算拨款收入", null, "三、国防支出", null],
      ["4", "四、财政专户管理资金收入", null, "四、公共安全支出", null],
      ["5", "五、单位资金", null, "五、教育支出", null],
      ["6", null, null, "六、科学技术支出", null],
      ["7", null, null, "七、文化旅游体育与传媒支出", null],
      ["8", null, null, "八、社会保障和就业支出", "1060.41"],
      ["9", null, null, "九、社会保险基金支出", null],
      ["10", null, null, "十、卫生健康支出", "23153.16"],
      ["11", null, null, "十一、节能环保支出", null],
      ["12", null, null, "十二、城乡社区支出", null],
      ["13", null, null, "十三、农林水支出", null],
      ["14", null, null, "十四、交通运输支出", null],
      ["15", null, null, "十五、资源勘探工业信息等支出", null],
      ["16", null, null, "十六、商业服务业等支出", null],
      ["17", null, null, "十七、金融支出", null],
      ["18", null, null, "十八、援助其他地区支出", null],
      ["19", null, null, "十九、自然资源海洋气象等支出", null],
      ["20", null, null, "二十、住房保障支出", "277.34"],
      ["21", null, null, "二十一、粮油物资储备支出", null],
      ["22", null, null, "二十二、国有资本经营预算支出", null],
      ["23", null, null, "二十三、灾害防治及应急管理支出", null],
      ["24", null, null, "二十四、预备费", null],
      ["25", null, null, "二十五、其他支出", null],
      ["26", null, null, "二十六、转移性支出", null],
      ["27", null, null, "二十七、债务还本支出", null],
      ["28", null, null, "二十八、债务付息支出", null],
      ["29", null, null, "二十九、债务发行费用支出", null],
      ["30", null, null, "三十、抗疫特别国债安排的支出", null],
      ["31", null, null, "三十一、人行科目", null],
      ["32", "本年收入合计", "24490.91", "本年支出合计", "24490.91"],
      ["33", "上年结转结余", null, "年终结转结余", null],
      ["34", "收入总计", "24490.91", "支出总计", "24490.91"],
    ],
  },
  收入总表: {
    title: "部门预算收入总表",
    header: [
      ["序号", "功能分类科目", null, "合计", "本年收入", null, null, null, null, null, null, null, "上年结转"],
      [
        null,
        "科目    编码",
        "科目名称",
        null,
        "小计",
        "财政拨款 收入",
        "财政专户 收入",
        "事业收入",
        "经营收入",
        "上级补助收入",
        "附属单位上缴收入",
        "其他收入",
        null,
      ],
    ],
    merges: ["A3:A4", "B3:C3", "D3:D4", "E3:L3", "M3:M4"],
    data: [
      ["1", null, "合计", "24490.91", "24490.91", "24490.91", null, null, null, null, null, null, null],
      ["2", "208", "社会保障和就业支出", "1060.41", "1060.41", "1060.41", null, null, null, null, null, null, null],
      ["3", "20805", "行政事业单位养老支出", "1060.41", "1060.41", "1060.41", null, null, null, null, null, null, null],
      ["4", "2080501", "行政单位离退休", "391.68", "391.68", "391.68", null, null, null, null, null, null, null],
      ["5", "2080502", "事业单位离退休", "309.82", "309.82", "309.82", null, null, null, null, null, null, null],
      [
        "6",
        "2080505",
        "机关事业单位基本养老保险缴费支出",
        "358.91",
        "358.91",
        "358.91",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ],
      ["7", "210", "卫生健康支出", "23153.16", "23153.16", "23153.16", null, null, null, null, null, null, null],
      ["8", "21001", "卫生健康管理事务", "1634.11", "1634.11", "1634.11", null, null, null, null, null, null, null],
      ["9", "2100101", "行政运行", "997.51", "997.51", "997.51", null, null, null, null, null, null, null],
      ["10", "2100199", "其他卫生健康管理事务支出", "636.60", "636.60", "636.60", null, null, null, null, null, null, null],
      ["11", "21002", "公立医院", "1036.71", "1036.71", "1036.71", null, null, null, null, null, null, null],
      ["12", "2100201", "综合医院", "778.71", "778.71", "778.71", null, null, null, null, null, null, null],
      ["13", "2100299", "其他公立医院支出", "258.00", "258.00", "258.00", null, null, null, null, null, null, null],
      ["14", "21003", "基层医疗卫生机构", "5456.36", "5456.36", "5456.36", null, null, null, null, null, null, null],
      ["15", "2100399", "其他基层医疗卫生机构支出", "5456.36", "5456.36", "5456.36", null, null, null, null, null, null, null],
      ["16", "21004", "公共卫生", "9442.98", "9442.98", "9442.98", null, null, null, null, null, null, null],
      ["17", "2100401", "疾病预防控制机构", "10.00", "10.00", "10.00", null, null, null, null, null, null, null],
      ["18", "2100403", "妇幼保健机构", "603.46", "603.46", "603.46", null, null, null, null, null, null, null],
      ["19", "2100408", "基本公共卫生服务", "3139.00", "3139.00", "3139.00", null, null, null, null, null, null, null],
      ["20", "2100409", "重大公共卫生服务", "183.00", "183.00", "183.00", null, null, null, null, null, null, null],
      ["21", "2100499", "其他公共卫生支出", "5507.52", "5507.52", "5507.52", null, null, null, null, null, null, null],
      ["22", "21007", "计划生育事务", "3828.19", "3828.19", "3828.19", null, null, null, null, null, null, null],
      ["23", "2100799", "其他计划生育事务支出", "3828.19", "3828.19", "3828.19", null, null, null, null, null, null, null],
      ["24", "21011", "行政事业单位医疗", "281.11", "281.11", "281.11", null, null, null, null, null, null, null],
      ["25", "2101101", "行政单位医疗", "39.81", "39.81", "39.81", null, null, null, null, null, null, null],
      ["26", "2101102", "事业单位医疗", "82.93", "82.93", "82.93", null, null, null, null, null, null, null],
      ["27", "2101103", "公务员医疗补助", "158.37", "158.37", "158.37", null, null, null, null, null, null, null],
      ["28", "21017", "中医药事务", "15.50", "15.50", "15.50", null, null, null, null, null, null, null],
      ["29", "2101799", "其他中医药事务支出", "15.50", "15.50", "15.50", null, null, null, null, null, null, null],
      ["30", "21018", "疾病预防控制事务", "1458.20", "1458.20", "1458.20", null, null, null, null, null, null, null],
      ["31", "2101801", "行政运行", "1458.20", "1458.20", "1458.20", null, null, null, null, null, null, null],
      ["32", "221", "住房保障支出", "277.34", "277.34", "277.34", null, null, null, null, null, null, null],
      ["33", "22102", "住房改革支出", "277.34", "277.34", "277.34", null, null, null, null, null, null, null],
      ["34", "2210201", "住房公积金", "277.34", "277.34", "277.34", null, null, null, null, null, null, null],
    ],
  },
  支出总表: {
    title: "部门预算支出总表",
    header: [
      ["序号", "功能分类科目", null, "合计", "基本支出", "项目支出", "经营支出", "上解上级     支出", "对附属单位补助支出"],
      [null, "科目    编码", "科目名称", null, null, null, null, null, null],
    ],
    merges: ["A3:A4", "B3:C3", "D3:D4", "E3:E4", "F3:F4", "G3:G4", "H3:H4", "I3:I4"],
    data: [
      ["1", null, "合计", "24490.91", "4658.03", "19832.88", null, null, null],
      ["2", "208", "社会保障和就业支出", "1060.41", "1060.41", null, null, null, null],
      ["3", "20805", "行政事业单位养老支出", "1060.41", "1060.41", null, null, null, null],
      ["4", "2080501", "行政单位离退休", "391.68", "391.68", null, null, null, null],
      ["5", "2080502", "事业单位离退休", "309.82", "309.82", null, null, null, null],
      ["6", "2080505", "机关事业单位基本养老保险缴费支出", "358.91", "358.91", null, null, null, null],
      ["7", "210", "卫生健康支出", "23153.16", "3320.28", "19832.88", null, null, null],
      ["8", "21001", "卫生健康管理事务", "1634.11", "997.51", "636.60", null, null, null],
      ["9", "2100101", "行政运行", "997.51", "997.51", null, null, null, null],
      ["10", "2100199", "其他卫生健康管理事务支出", "636.60", null, "636.60", null, null, null],
      ["11", "21002", "公立医院", "1036.71", null, "1036.71", null, null, null],
      ["12", "2100201", "综合医院", "778.71", null, "778.71", null, null, null],
      ["13", "2100299", "其他公立医院支出", "258.00", null, "258.00", null, null, null],
      ["14", "21003", "基层医疗卫生机构", "5456.36", null, "5456.36", null, null, null],
      ["15", "2100399", "其他基层医疗卫生机构支出", "5456.36", null, "5456.36", null, null, null],
      ["16", "21004", "公共卫生", "9442.98", "583.46", "8859.52", null, null, null],
      ["17", "2100401", "疾病预防控制机构", "10.00", null, "10.00", null, null, null],
      ["18", "2100403", "妇幼保健机构", "603.46", "583.46", "20.00", null, null, null],
      ["19", "2100408", "基本公共卫生服务", "3139.00", null, "3139.00", null, null, null],
      ["20", "2100409", "重大公共卫生服务", "183.00", null, "183.00", null, null, null],
      ["21", "2100499", "其他公共卫生支出", "5507.52", null, "5507.52", null, null, null],
      ["22", "21007", "计划生育事务", "3828.19", null, "3828.19", null, null, null],
      ["23", "2100799", "其他计划生育事务支出", "3828.19", null, "3828.19", null, null, null],
      ["24", "21011", "行政事业单位医疗", "281.11", "281.11", null, null, null, null],
      ["25", "2101101", "行政单位医疗", "39.81", "39.81", null, null, null, null],
      ["26", "2101102", "事业单位医疗", "82.93", "82.93", null, null, null, null],
      ["27", "2101103", "公务员医疗补助", "158.37", "158.37", null, null, null, null],
      ["28", "21017", "中医药事务", "15.50", null, "15.50", null, null, null],
      ["29", "2101799", "其他中医药事务支出", "15.50", null, "15.50", null, null, null],
      ["30", "21018", "疾病预防控制事务", "1458.20", "1458.20", null, null, null, null],
      ["31", "2101801", "行政运行", "1458.20", "1458.20", null, null, null, null],
      ["32", "221", "住房保障支出", "277.34", "277.34", null, null, null, null],
      ["33", "22102", "住房改革支出", "277.34", "277.34", null, null, null, null],
      ["34", "2210201", "住房公积金", "277.34", "277.34", null, null, null, null],
    ],
  },
  财政拨款收支总表: {
    title: "部门预算财政拨款收支总表",
    header: [
      ["序号", "收入", null, "支出", null, null, null, null],
      [
        null,
        "项  目",
        "金额",
        "项  目",
        "合计",
        "一般公共预算财政拨款",
        "政府性基金预算财政    拨款",
        "国有资本经营预算财政拨款",
      ],
    ],
    merges: ["A3:A4", "B3:C3", "D3:H3"],
    data: [
      ["1", "一、一般公共预算拨款", "24490.91", "一、一般公共服务支出", null, null, null, null],
      ["2", "二、政府性基金预算拨款", null, "二、外交支出", null, null, null, null],
      ["3", "三、国有资本经营预算拨款", null, "三、国防支出", null, null, null, null],
      ["4", null, null, "四、公共安全支出", null, null, null, null],
      ["5", null, null, "五、教育支出", null, null, null, null],
      ["6", null, null, "六、科学技术支出", null, null, null, null],
      ["7", null, null, "七、文化旅游体育与传媒支出", null, null, null, null],
      ["8", null, null, "八、社会保障和就业支出", "1060.41", "1060.41", null, null],
      ["9", null, null, "九、社会保险基金支出", null, null, null, null],
      ["10", null, null, "十、卫生健康支出", "23153.16", "23153.16", null, null],
      ["11", null, null, "十一、节能环保支出", null, null, null, null],
      ["12", null, null, "十二、城乡社区支出", null, null, null, null],
      ["13", null, null, "十三、农林水支出", null, null, null, null],
      ["14", null, null, "十四、交通运输支出", null, null, null, null],
      ["15", null, null, "十五、资源勘探工业信息等支出", null, null, null, null],
      ["16", null, null, "十六、商业服务业等支出", null, null, null, null],
      ["17", null, null, "十七、金融支出", null, null, null, null],
      ["18", null, null, "十八、援助其他地区支出", null, null, null, null],
      ["19", null, null, "十九、自然资源海洋气象等支出", null, null, null, null],
      ["20", null, null, "二十、住房保障支出", "277.34", "277.34", null, null],
      ["21", null, null, "二十一、粮油物资储备支出", null, null, null, null],
      ["22", null, null, "二十二、国有资本经营预算支出", null, null, null, null],
      ["23", null, null, "二十三、灾害防治及应急管理支出", null, null, null, null],
      ["24", null, null, "二十四、预备费", null, null, null, null],
      ["25", null, null, "二十五、其他支出", null, null, null, null],
      ["26", null, null, "二十六、转移性支出", null, null, null, null],
      ["27", null, null, "二十七、债务还本支出", null, null, null, null],
      ["28", null, null, "二十八、债务付息支出", null, null, null, null],
      ["29", null, null, "二十九、债务发行费用支出", null, null, null, null],
      ["30", null, null, "三十、抗疫特别国债安排的支出", null, null, null, null],
      ["31", null, null, "三十一、人行科目", null, null, null, null],
      ["32", "本年收入合计", "24490.91", "本年支出合计", "24490.91", "24490.91", null, null],
      ["33", "年初财政拨款结转和结余", null, "年末财政拨款结转和结余", null, null, null, null],
      ["34", "一、一般公共预算拨款", null, null, null, null, null, null],
      ["35", "二、政府性基金预算拨款", null, null, null, null, null, null],
      ["36", "三、国有资本经营预算拨款", null, null, null, null, null, null],
      ["37", "收入总计", "24490.91", "支出总计", "24490.91", "24490.91", null, null],
    ],
  },
  一般公共预算财政拨款支出表: {
    title: "部门预算一般公共预算财政拨款支出表",
    header: [
      ["序号", "功能分类科目", null, "合计", "基本支出", "项目支出"],
      [null, "科目编码", "科目名称", null, null, null],
    ],
    merges: ["A3:A4", "B3:C3", "D3:D4", "E3:E4", "F3:F4"],
    data: [
      ["1", null, "合计", "24490.91", "4658.03", "19832.88"],
      ["2", "208", "社会保障和就业支出", "1060.41", "1060.41", null],
      ["3", "20805", "行政事业单位养老支出", "1060.41", "1060.41", null],
      ["4", "2080501", "行政单位离退休", "391.68", "391.68", null],
      ["5", "2080502", "事业单位离退休", "309.82", "309.82", null],
      ["6", "2080505", "机关事业单位基本养老保险缴费支出", "358.91", "358.91", null],
      ["7", "210", "卫生健康支出", "23153.16", "3320.28", "19832.88"],
      ["8", "21001", "卫生健康管理事务", "1634.11", "997.51", "636.60"],
      ["9", "2100101", "行政运行", "997.51", "997.51", null],
      ["10", "2100199", "其他卫生健康管理事务支出", "636.60", null, "636.60"],
      ["11", "21002", "公立医院", "1036.71", null, "1036.71"],
      ["12", "2100201", "综合医院", "778.71", null, "778.71"],
      ["13", "2100299", "其他公立医院支出", "258.00", null, "258.00"],
      ["14", "21003", "基层医疗卫生机构", "5456.36", null, "5456.36"],
      ["15", "2100399", "其他基层医疗卫生机构支出", "5456.36", null, "5456.36"],
      ["16", "21004", "公共卫生", "9442.98", "583.46", "8859.52"],
      ["17", "2100401", "疾病预防控制机构", "10.00", null, "10.00"],
      ["18", "2100403", "妇幼保健机构", "603.46", "583.46", "20.00"],
      ["19", "2100408", "基本公共卫生服务", "3139.00", null, "3139.00"],
      ["20", "2100409", "重大公共卫生服务", "183.00", null, "183.00"],
      ["21", "2100499", "其他公共卫生支出", "5507.52", null, "5507.52"],
      ["22", "21007", "计划生育事务", "3828.19", null, "3828.19"],
      ["23", "2100799", "其他计划生育事务支出", "3828.19", null, "3828.19"],
      ["24", "21011", "行政事业单位医疗", "281.11", "281.11", null],
      ["25", "2101101", "行政单位医疗", "39.81", "39.81", null],
      ["26", "2101102", "事业单位医疗", "82.93", "82.93", null],
      ["27", "2101103", "公务员医疗补助", "158.37", "158.37", null],
      ["28", "21017", "中医药事务", "15.50", null, "15.50"],
      ["29", "2101799", "其他中医药事务支出", "15.50", null, "15.50"],
      ["30", "21018", "疾病预防控制事务", "1458.20", "1458.20", null],
      ["31", "2101801", "行政运行", "1458.20", "1458.20", null],
      ["32", "221", "住房保障支出", "277.34", "277.34", null],
      ["33", "22102", "住房改革支出", "277.34", "277.34", null],
      ["34", "2210201", "住房公积金", "277.34", "277.34", null],
    ],
  },
  一般公共预算财政拨款基本支出表: {
    title: "部门预算一般公共预算财政拨款基本支出表",
    header: [
      ["序号", "支出部门经济分类科目", null, "一般公共预算基本支出", null, null],
      [null, "科目编码", "科目名称", "合计", "人员经费", "公用经费"],
    ],
    merges: ["A3:A4", "B3:C3", "D3:F3"],
    data: [
      ["1", null, "合计", "4658.03", "4384.22", "273.81"],
      ["2", "301", "工资福利支出", "3675.02", "3675.02", null],
      ["3", "30101", "基本工资", "1010.86", "1010.86", null],
      ["4", "30102", "津贴补贴", "271.03", "271.03", null],
      ["5", "30103", "奖金", "62.73", "62.73", null],
      ["6", "30106", "伙食补助费", "0.01", "0.01", null],
      ["7", "30107", "绩效工资", "1291.25", "1291.25", null],
      ["8", "30108", "机关事业单位基本养老保险缴费", "358.91", "358.91", null],
      ["9", "30110", "职工基本医疗保险缴费", "122.74", "122.74", null],
      ["10", "30111", "公务员医疗补助缴费", "158.37", "158.37", null],
      ["11", "30112", "其他社会保障缴费", "20.63", "20.63", null],
      ["12", "30113", "住房公积金", "277.34", "277.34", null],
      ["13", "30199", "其他工资福利支出", "101.15", "101.15", null],
      ["14", "302", "商品和服务支出", "273.81", null, "273.81"],
      ["15", "30201", "办公费", "46.20", null, "46.20"],
      ["16", "30205", "水费", "2.39", null, "2.39"],
      ["17", "30206", "电费", "20.39", null, "20.39"],
      ["18", "30207", "邮电费", "11.27", null, "11.27"],
      ["19", "30208", "取暖费", "29.22", null, "29.22"],
      ["20", "30217", "公务接待费", "0.92", null, "0.92"],
      ["21", "30228", "工会经费", "36.68", null, "36.68"],
      ["22", "30229", "福利费", "59.49", null, "59.49"],
      ["23", "30231", "公务用车运行维护费", "36.05", null, "36.05"],
      ["24", "30239", "其他交通费用", "13.98", null, "13.98"],
      ["25", "30299", "其他商品和服务支出", "17.22", null, "17.22"],
      ["26", "303", "对个人和家庭的补助", "709.20", "709.20", null],
      ["27", "30302", "退休费", "701.50", "701.50", null],
      ["28", "30305", "生活补助", "7.70", "7.70", null],
    ],
  },
  三公经费支出表: {
    title: "部门预算财政拨款“三公”经费支出表",
    header: [
      ["序号", "项  目", "资 金 性 质", null, null, null],
      [
        null,
        null,
        "合计",
        "一般公共预算              财政拨款",
        "政府性基金                  预算拨款",
        "国有资本经营              预算财政拨款",
      ],
    ],
    merges: ["A3:A4", "B3:B4", "C3:F3"],
    data: [
      ["1", "合计", "36.97", "36.97", null, null],
      ["2", "“三公”经费小计", "36.97", "36.97", null, null],
      ["3", "一、因公出国（境）费", null, null, null, null],
      ["4", "    其中：教学科研人员因公出国（境）费", null, null, null, null],
      ["5", "          其他因公出国（境）费", null, null, null, null],
      ["6", "二、公务用车购置及运维费", "36.05", "36.05", null, null],
      ["7", "    其中：公务用车购置费", null, null, null, null],
      ["8", "          公务用车运行维护费", "36.05", "36.05", null, null],
      ["9", "三、公务接待费", "0.92", "0.92", null, null],
    ],
  },
};

export const SEED001_TABLES = Object.keys(SPECS) as Seed001Table[];

export type AmountMode = "number" | "text";

export interface SeedOptions {
  mode?: AmountMode;
  /** Cells to replace, by A1 address: a value, or `{ v, f }` for a formula with its cached value. */
  edits?: Record<string, LiteralCell>;
  /** Rows to insert before the given sheet row (0-based), after edits are applied. */
  insert?: { before: number; rows: LiteralCell[][] };
}

function dataCell(text: string | null, col: number, mode: AmountMode): LiteralCell {
  if (text === null) return null;
  if (mode === "number" && /^\d+\.\d+$/.test(text)) return Number(text);
  if (mode === "number" && col === 0 && /^\d+$/.test(text)) return Number(text);
  return text;
}

export function seed001Rows(table: Seed001Table, mode: AmountMode = "number"): LiteralCell[][] {
  const spec = SPECS[table];
  const width = spec.header[0].length;
  const unitLine: LiteralCell[] = Array(width).fill(null);
  unitLine[0] = "361秦皇岛市海港区卫生健康局";
  unitLine[Math.floor(width / 2)] = "预算年度：2025";
  unitLine[width - 1] = "单位：万元";
  const columnNumbers: LiteralCell[] = [
    "栏次",
    ...Array.from({ length: width - 1 }, (_, i) => (mode === "number" ? i + 1 : String(i + 1))),
  ];
  return [
    [spec.title, ...Array(width - 1).fill(null)],
    unitLine,
    ...spec.header.map((r) => [...r]),
    columnNumbers,
    ...spec.data.map((r) => r.map((c, i) => dataCell(c, i, mode))),
  ];
}

export function seed001Merges(table: Seed001Table): RectRef[] {
  const width = SPECS[table].header[0].length;
  const title = { top: 0, left: 0, bottom: 0, right: width - 1 };
  return [title, ...SPECS[table].merges.map((m) => parseRange(m)!)];
}

/** A seed-001 table as a snapshot, optionally with planted defects. */
export function seed001Sheet(table: Seed001Table, options: SeedOptions = {}): SheetSnapshot {
  const rows = seed001Rows(table, options.mode ?? "number");
  for (const [address, cell] of Object.entries(options.edits ?? {})) {
    const ref = parseA1(address);
    if (!ref) throw new Error(`bad address ${address}`);
    while (rows.length <= ref.row) rows.push([]);
    rows[ref.row][ref.col] = cell;
  }
  let merges = seed001Merges(table);
  if (options.insert) {
    const { before, rows: extra } = options.insert;
    rows.splice(before, 0, ...extra);
    merges = merges.map((m) => (m.top >= before ? { ...m, top: m.top + extra.length, bottom: m.bottom + extra.length } : m));
  }
  return gridSheet(table, rows, { merges });
}

export function seed001Workbook(mode: AmountMode = "number"): SheetSnapshot[] {
  return SEED001_TABLES.map((t) => seed001Sheet(t, { mode }));
}

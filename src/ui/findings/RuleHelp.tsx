import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { columnLetters, toA1 } from "../../core/address";
import { ExampleCell, RuleId, ruleById } from "../../core/catalogue";
import { useCellInBox } from "../hooks/cell-in-box";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  label: { fontWeight: tokens.fontWeightSemibold },
  tableWrap: { overflowX: "auto", maxWidth: "100%" },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  td: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    whiteSpace: "nowrap",
  },
  th: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
  },
  flagged: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteRedBorder2}`,
    outlineOffset: "-2px",
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** What an example cell shows in Excel: a formula's result, an error, a value (formatted values as written). */
function cellText(cell: ExampleCell): string {
  if (cell === null) return "";
  if (typeof cell !== "object") return String(cell);
  if ("formula" in cell) return cell.result === undefined ? "" : String(cell.result);
  if ("error" in cell) return cell.error;
  if (cell.numFmt.includes("%") && typeof cell.value === "number") return `${cell.value * 100}%`;
  return String(cell.value);
}

/** A formula cell's formula, for its tooltip. */
function cellTitle(cell: ExampleCell): string | undefined {
  return cell !== null && typeof cell === "object" && "formula" in cell
    ? cell.formula.startsWith("=")
      ? cell.formula
      : `=${cell.formula}`
    : undefined;
}

export interface RuleHelpProps {
  rule: RuleId;
  /** For the region's accessible name. */
  id: string;
  /** This host applies the rule's one-click fix: only then is the catalogue's fix sentence shown. */
  fixOffered?: boolean;
  /**
   * The finding is flagged at an item of a sum, not its total (isItemCulprit): the rule's help and
   * example are about a wrong total, so 怎么改 says what to do with the item instead.
   */
  itemCulprit?: boolean;
}

/** 怎么改 for an item blamed for its sum: correct the figure, leave the total alone. */
export const ITEM_CULPRIT_HELP =
  "标出的这一格是合计中的一项，不是合计：能使合计与各项之和相符的只有这一个数。请按原始资料核对并改正这一格；合计本身不必修改，也不要为了凑平去改合计。";

/** 「怎么改」: the rule's help, its one-click fix where this host has one, and its example from the catalogue. */
export function RuleHelp({ rule, id, fixOffered = false, itemCulprit = false }: RuleHelpProps) {
  const styles = useStyles();
  const info = ruleById(rule);
  // A narrow pane or phone shows the example's first columns only: its box scrolls sideways to the cell it points at.
  const { box: wrap, cell: flagged } = useCellInBox<HTMLDivElement, HTMLTableCellElement>(`${rule}|${itemCulprit}`, false);
  if (itemCulprit)
    return (
      <div className={styles.box} id={id} role="region" aria-label={`怎么改：${info.title}`}>
        <Text>{ITEM_CULPRIT_HELP}</Text>
      </div>
    );
  const example = info.example;
  const sheet = example?.sheets.find((s) => s.name === example.sheet) ?? example?.sheets[0];
  return (
    <div className={styles.box} id={id} role="region" aria-label={`怎么改：${info.title}`}>
      <Text>{info.help}</Text>
      {fixOffered && info.fix && (
        <Text>
          <span className={styles.label}>一键修复：</span>
          {info.fix}
        </Text>
      )}
      {sheet && example && (
        <>
          <Text className={styles.label}>
            例：工作表「{sheet.name}」的 {example.cell}
          </Text>
          {/* Focusable, so a keyboard user can scroll a wide example sideways. */}
          <div ref={wrap} className={styles.tableWrap} tabIndex={0} role="group" aria-label={`示例工作表「${sheet.name}」`}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <td className={styles.th} />
                  {Array.from({ length: Math.max(0, ...sheet.rows.map((row) => row.length)) }, (_, c) => (
                    <th key={c} className={styles.th} scope="col">
                      {columnLetters(c)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {sheet.rows.map((row, r) => (
                  <tr key={r}>
                    <th className={styles.th} scope="row">
                      {r + 1}
                    </th>
                    {row.map((cell, c) => {
                      const pointed = toA1(r, c) === example.cell;
                      return (
                        <td
                          key={c}
                          ref={pointed ? flagged : undefined}
                          data-flagged={pointed ? "true" : undefined}
                          title={cellTitle(cell)}
                          className={`${styles.td} ${pointed ? styles.flagged : ""}`}
                        >
                          {cellText(cell)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

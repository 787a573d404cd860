import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { toA1 } from "../../core/address";
import { RuleId, ruleById } from "../../core/catalogue";

/** The fields the catalogue adds to each rule (issue 7); absent fields are simply not shown. */
interface RuleHelpFields {
  help?: string;
  fix?: string | null;
  example?: { sheets: { name: string; rows: unknown[][] }[]; sheet: string; cell: string };
}

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
  td: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, padding: `0 ${tokens.spacingHorizontalXS}`, whiteSpace: "nowrap" },
  th: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  flagged: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteRedBorder2}`, outlineOffset: "-2px", fontWeight: tokens.fontWeightSemibold },
});

/** What a literal grid cell shows: its displayed text, else its value (see core gridSheet). */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "object") {
    const c = cell as { v?: unknown; t?: string; f?: string };
    if (typeof c.t === "string") return c.t;
    if (c.v !== undefined && c.v !== null) return String(c.v);
    return c.f ? (c.f.startsWith("=") ? c.f : `=${c.f}`) : "";
  }
  return String(cell);
}

export interface RuleHelpProps {
  rule: RuleId;
  /** For the region's accessible name. */
  id: string;
}

/** 「怎么改」: the rule's help, how to fix it, and its example from the catalogue. */
export function RuleHelp({ rule, id }: RuleHelpProps) {
  const styles = useStyles();
  const info = ruleById(rule) as ReturnType<typeof ruleById> & RuleHelpFields;
  const example = info.example;
  const sheet = example?.sheets.find((s) => s.name === example.sheet) ?? example?.sheets[0];
  return (
    <div className={styles.box} id={id} role="region" aria-label={`怎么改：${info.title}`}>
      <Text>{info.help ?? info.title}</Text>
      {info.fix && (
        <Text>
          <span className={styles.label}>改法：</span>
          {info.fix}
        </Text>
      )}
      {sheet && example && (
        <>
          <Text className={styles.label}>
            例：工作表「{sheet.name}」的 {example.cell}
          </Text>
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <tbody>
                {sheet.rows.map((row, r) => (
                  <tr key={r}>
                    <th className={styles.th} scope="row">
                      {r + 1}
                    </th>
                    {row.map((cell, c) => (
                      <td key={c} className={`${styles.td} ${toA1(r, c) === example.cell ? styles.flagged : ""}`}>
                        {cellText(cell)}
                      </td>
                    ))}
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

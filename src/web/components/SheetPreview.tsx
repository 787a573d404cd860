import { Button, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useCellInBox } from "../../ui/hooks/cell-in-box";
import { findingPlace } from "../../core/finding";
import { Finding } from "../../core/finding";
import { SEVERITY_LABEL, Severity } from "../../core/severity";
import { MARK_FILL } from "../../core/mark-layout";
import type { PreviewWindow } from "../preview-window";

/** The marks' own fills (the add-in's and the annotated copy's), framed darker so the cell stands out. */
const FRAME: Record<Severity, string> = { error: "#C00000", warning: "#9C5700", info: "#2F5597" };

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  head: { display: "flex", alignItems: "baseline", gap: tokens.spacingHorizontalS, justifyContent: "space-between" },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  // The box scrolls itself (both ways), so the flagged cell can be brought into view without moving the page.
  scroller: {
    overflow: "auto",
    maxWidth: "100%",
    maxHeight: "min(32vh, 420px)",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    "@media (min-width: 960px)": { maxHeight: "none" },
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, backgroundColor: "#FFFFFF", color: "#000000" },
  heading: {
    position: "sticky",
    top: 0,
    backgroundColor: "#F3F3F3",
    color: "#444444",
    fontWeight: tokens.fontWeightRegular,
    border: "1px solid #D4D4D4",
    padding: "2px 6px",
    textAlign: "center",
  },
  rowHeading: {
    position: "sticky",
    left: 0,
    backgroundColor: "#F3F3F3",
    color: "#444444",
    fontWeight: tokens.fontWeightRegular,
    border: "1px solid #D4D4D4",
    padding: "2px 6px",
    textAlign: "right",
  },
  cell: {
    border: "1px solid #E1E1E1",
    padding: "2px 6px",
    maxWidth: "10em",
    minWidth: "3em",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  number: { textAlign: "right" },
  related: { outline: "2px dashed #2F5597", outlineOffset: "-2px", backgroundColor: "#EEF4FB" },
  legend: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  // The card in the list already says it; on a phone the space goes to the list under the preview.
  message: { overflowWrap: "anywhere", display: "none", "@media (min-width: 960px)": { display: "block" } },
});

export interface SheetPreviewProps {
  finding: Finding;
  preview: PreviewWindow | null;
  onClose(): void;
}

const NUMERIC = /^[-+(]?[\d,.]+%?\)?$/;

/** The cells around the selected finding, read-only, as Excel would display them. */
export function SheetPreview({ finding, preview, onClose }: SheetPreviewProps) {
  const styles = useStyles();
  // The preview's own box scrolls to the flagged cell, never the page.
  const { box: scroller, cell: flaggedCell } = useCellInBox<HTMLDivElement, HTMLTableCellElement>(preview);
  const where = findingPlace(finding);

  return (
    <section className={styles.panel} aria-label="单元格预览">
      <div className={styles.head}>
        <h2 className={styles.title}>预览 {where}</h2>
        <Button size="small" appearance="subtle" onClick={onClose}>
          关闭预览
        </Button>
      </div>
      <Text className={styles.message}>
        【{SEVERITY_LABEL[finding.severity]}】{finding.message}
      </Text>
      {preview ? (
        <div
          ref={scroller}
          className={styles.scroller}
          tabIndex={0}
          role="region"
          aria-label={`「${finding.sheet}」${finding.cell} 附近的单元格（只读）`}
        >
          <table className={styles.table}>
            <thead>
              <tr>
                <th className={styles.heading} scope="col">
                  <span aria-hidden="true" />
                </th>
                {preview.columns.map((c) => (
                  <th key={c} className={styles.heading} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.texts.map((row, r) => (
                <tr key={preview.rowNumbers[r]}>
                  <th className={styles.rowHeading} scope="row">
                    {preview.rowNumbers[r]}
                  </th>
                  {row.map((text, c) => {
                    const flagged = preview.flagged?.row === r && preview.flagged.col === c;
                    const related = !flagged && preview.related.some((p) => p.row === r && p.col === c);
                    const address = `${preview.columns[c]}${preview.rowNumbers[r]}`;
                    return (
                      <td
                        key={c}
                        ref={flagged ? flaggedCell : undefined}
                        className={mergeClasses(styles.cell, NUMERIC.test(text) && styles.number, related && styles.related)}
                        style={
                          flagged
                            ? {
                                backgroundColor: MARK_FILL[finding.severity],
                                outline: `2px solid ${FRAME[finding.severity]}`,
                                outlineOffset: "-2px",
                                fontWeight: 600,
                              }
                            : undefined
                        }
                        title={text ? `${address}：${text}` : address}
                        data-cell={address}
                        data-mark={flagged ? "flagged" : related ? "related" : undefined}
                        aria-label={
                          flagged ? `${address}（问题单元格）${text}` : related ? `${address}（相关单元格）${text}` : undefined
                        }
                      >
                        {text}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <Text className={styles.legend}>正在读取预览…</Text>
      )}
      <Text className={styles.legend}>
        实线框：问题单元格；虚线框：相关单元格（如被求和的明细）。预览只读，请在 Excel 或 WPS 中修改原文件。
      </Text>
    </section>
  );
}

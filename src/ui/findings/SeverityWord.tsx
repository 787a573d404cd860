import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { SEVERITY_LABEL, Severity } from "../../core/severity";

const useStyles = makeStyles({
  word: {
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: "nowrap",
  },
  // Foreground and background pairs from Fluent's palette that keep 4.5:1 in light and dark themes.
  error: {
    color: tokens.colorPaletteRedForeground1,
    backgroundColor: tokens.colorPaletteRedBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBorder1}`,
  },
  warning: {
    color: tokens.colorPaletteDarkOrangeForeground1,
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteDarkOrangeBorder1}`,
  },
  info: {
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
});

/** 错误 / 疑似 / 提示 as a word, never only a colour. */
export function SeverityWord({ severity }: { severity: Severity }) {
  const styles = useStyles();
  return <span className={mergeClasses(styles.word, styles[severity])}>{SEVERITY_LABEL[severity]}</span>;
}

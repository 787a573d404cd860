import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { KeyboardEvent, ReactNode, forwardRef, useState } from "react";
import { findingPlace, isItemCulprit } from "../../core/finding";
import { Finding } from "../../core/finding";
import { amountLine } from "./describe";
import { RuleHelp } from "./RuleHelp";
import { SeverityWord } from "./SeverityWord";

const useStyles = makeStyles({
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeft: `${tokens.strokeWidthThicker} solid transparent`,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  current: { backgroundColor: tokens.colorSubtleBackgroundSelected, borderLeftColor: tokens.colorCompoundBrandStroke },
  ignored: { color: tokens.colorNeutralForeground2 },
  head: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "baseline" },
  where: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  project: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  tag: {
    padding: `0 ${tokens.spacingHorizontalXS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase200,
  },
  message: { margin: 0, overflowWrap: "anywhere", fontSize: tokens.fontSizeBase300 },
  amounts: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontVariantNumeric: "tabular-nums",
    color: tokens.colorNeutralForeground1,
    overflowWrap: "anywhere",
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXXS },
});

export interface FindingCardProps {
  finding: Finding;
  current: boolean;
  ignored: boolean;
  busy?: boolean;
  project: string | null;
  sheetUnit?: string;
  onGo(finding: Finding): void;
  onIgnore(finding: Finding): void;
  onRestore(finding: Finding): void;
  onStep(delta: 1 | -1): void;
  /** Pane-only actions (a one-click fix), shown on the current finding. */
  actions?: ReactNode;
  /** This host applies the rule's one-click fix, so 怎么改 may describe it. */
  fixOffered?: boolean;
}

/**
 * One finding, one Tab stop: the card itself is focusable and Enter goes to the cell. Its buttons
 * (怎么改, 忽略, a fix) appear on the current finding only, so the list stays one stop per finding.
 * Cell text is rendered as text, never as HTML.
 */
export const FindingCard = forwardRef<HTMLLIElement, FindingCardProps>(function FindingCard(props, ref) {
  const { finding, current, ignored, busy, project, onGo, onStep } = props;
  const styles = useStyles();
  const [helpOpen, setHelpOpen] = useState(false);
  const line = amountLine(finding, props.sheetUnit);
  const helpId = `help-${finding.id.replace(/[^A-Za-z0-9_-]/g, (c) => c.charCodeAt(0).toString(36))}`;

  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === "Enter") {
      e.preventDefault();
      onGo(finding);
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      onStep(e.key === "ArrowDown" ? 1 : -1);
    }
  };
  const stop = (fn: () => void) => (e: { stopPropagation(): void }) => {
    e.stopPropagation();
    fn();
  };

  return (
    <li
      ref={ref}
      tabIndex={0}
      className={mergeClasses(styles.item, current && styles.current, ignored && styles.ignored)}
      aria-current={current ? "true" : undefined}
      data-finding-id={finding.id}
      onClick={() => onGo(finding)}
      onKeyDown={onKeyDown}
    >
      <span className={styles.head}>
        <SeverityWord severity={finding.severity} />
        <span className={styles.where}>{findingPlace(finding)}</span>
        {project && <span className={styles.project}>项目：{project}</span>}
        {ignored && <span className={styles.tag}>已忽略</span>}
      </span>
      <p className={styles.message}>{finding.message}</p>
      {line && <p className={styles.amounts}>{line}</p>}
      {current && (
        <span className={styles.actions} onKeyDown={(e) => e.stopPropagation()} onClick={(e) => e.stopPropagation()}>
          <Button
            size="small"
            aria-expanded={helpOpen}
            aria-controls={helpOpen ? helpId : undefined}
            onClick={stop(() => setHelpOpen(!helpOpen))}
          >
            怎么改
          </Button>
          {props.actions}
          {ignored ? (
            <Button size="small" appearance="subtle" disabled={busy} onClick={stop(() => props.onRestore(finding))}>
              恢复
            </Button>
          ) : (
            <Button size="small" appearance="subtle" disabled={busy} onClick={stop(() => props.onIgnore(finding))}>
              忽略
            </Button>
          )}
        </span>
      )}
      {current && helpOpen && (
        <div onClick={(e) => e.stopPropagation()}>
          <RuleHelp rule={finding.rule} id={helpId} fixOffered={props.fixOffered} itemCulprit={isItemCulprit(finding)} />
        </div>
      )}
    </li>
  );
});

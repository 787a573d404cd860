import { Button, Switch, Text, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import { ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { capPerRule, moreOfTheSameText } from "../../core/cap-findings";
import { countBySeverity } from "../../core/results-table";
import type { RuleId } from "../../core/catalogue";
import { Finding } from "../../core/finding";
import { SEVERITIES, SEVERITY_LABEL, Severity } from "../../core/severity";
import { projectOf } from "./describe";
import { FindingCard } from "./FindingCard";
import { COLLAPSE_OVER, groupFindings, navigationOrder, step } from "./order";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  group: { marginTop: tokens.spacingVerticalS },
  groupTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  ruleToggle: {
    justifyContent: "flex-start",
    textAlign: "start",
    width: "100%",
    minWidth: 0,
    fontWeight: tokens.fontWeightRegular,
  },
  inner: { listStyleType: "none", margin: 0, padding: 0 },
  more: { color: tokens.colorNeutralForeground2, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}` },
  empty: { color: tokens.colorNeutralForeground2 },
});

export interface FindingsViewProps {
  /** Every finding of the check, in the core's order; ignored ones included. */
  findings: readonly Finding[];
  /** Sheet names in workbook order. */
  sheets: readonly string[];
  ignoredIds: ReadonlySet<string>;
  /** The finding marked current (`aria-current="true"`), or null. */
  currentId: string | null;
  /** Called to make a finding current: the pane selects its cell, the web page scrolls to it. */
  onGo(finding: Finding): void;
  onIgnore(finding: Finding): void;
  onRestore(finding: Finding): void;
  onResetIgnored?(): void;
  /** Sheet → kind ("summary" | "indicators" | "other"), to name the project of indicator findings. */
  sheetKinds?: Readonly<Record<string, string>>;
  /** Sheet → money unit (万元, 元…), used when a finding carries no unit of its own. */
  sheetUnits?: Readonly<Record<string, string>>;
  busy?: boolean;
  /** Pane-only actions on the current finding (one-click fixes). */
  renderActions?(finding: Finding): ReactNode;
  /** The rules whose one-click fix this host applies (core/fixes): 怎么改 describes a fix only for these. */
  fixRules?: ReadonlySet<RuleId>;
  /** Pane-only buttons beside 上一个/下一个 (导出结果, 复制摘要). */
  extraButtons?: ReactNode;
  /** Level of the group headings, one below the page's own heading; default 2. */
  headingLevel?: 2 | 3 | 4;
}

/**
 * The findings an accountant works through: counts that filter, 上一个/下一个, groups by severity,
 * sheet and rule. Pure: it takes findings and callbacks, never a gateway or Office, so the browser
 * page reuses it as it is.
 */
export function FindingsView(props: FindingsViewProps) {
  const { findings, sheets, ignoredIds, currentId, onGo } = props;
  const styles = useStyles();
  const [only, setOnly] = useState<Severity | null>(null);
  const [showIgnored, setShowIgnored] = useState(false);
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const itemRefs = useRef(new Map<string, HTMLLIElement>());
  const focusNext = useRef<string | null>(null);

  const active = useMemo(() => findings.filter((f) => !ignoredIds.has(f.id)), [findings, ignoredIds]);
  const counts = useMemo(() => countBySeverity(active), [active]);
  const shown = useMemo(
    () => (showIgnored ? findings : active).filter((f) => only === null || f.severity === only),
    [findings, active, showIgnored, only],
  );
  const groups = useMemo(() => groupFindings(shown, sheets), [shown, sheets]);
  const order = useMemo(() => navigationOrder(groups), [groups]);
  const isOpen = (key: string, size: number) => open[key] ?? size <= COLLAPSE_OVER;

  const go = (f: Finding | null, focus: boolean) => {
    if (!f) return;
    // Stepping into a collapsed group opens it, so the current finding is always visible.
    const group = groups.flatMap((s) => s.rules).find((r) => r.findings.includes(f));
    if (group && !isOpen(group.key, group.findings.length)) setOpen((o) => ({ ...o, [group.key]: true }));
    if (focus) focusNext.current = f.id;
    onGo(f);
  };

  useEffect(() => {
    const id = focusNext.current;
    if (!id || id !== currentId) return;
    const el = itemRefs.current.get(id);
    if (el) {
      el.focus();
      el.scrollIntoView?.({ block: "nearest" });
      focusNext.current = null;
    }
  });

  const Heading = `h${props.headingLevel ?? 2}` as "h2";
  const filtered = only !== null || (!showIgnored && active.length < findings.length);
  return (
    <div className={styles.root}>
      <div className={styles.bar} role="group" aria-label="按严重程度筛选">
        {SEVERITIES.map((s) => (
          <ToggleButton
            key={s}
            size="small"
            appearance={only === s ? "primary" : "outline"}
            checked={only === s}
            data-testid={`count-${s}`}
            onClick={() => setOnly(only === s ? null : s)}
          >
            {SEVERITY_LABEL[s]} {counts[s]}
          </ToggleButton>
        ))}
      </div>
      <div className={styles.bar} role="toolbar" aria-label="逐个查看">
        <Button size="small" disabled={order.length === 0} onClick={() => go(step(order, currentId, -1), true)}>
          上一个
        </Button>
        <Button size="small" disabled={order.length === 0} onClick={() => go(step(order, currentId, 1), true)}>
          下一个
        </Button>
        {props.extraButtons}
      </div>
      {ignoredIds.size > 0 && (
        <div className={styles.bar}>
          <Switch
            label={`显示已忽略（${findings.length - active.length}）`}
            checked={showIgnored}
            onChange={(_, d) => setShowIgnored(d.checked)}
          />
          {props.onResetIgnored && (
            <Button size="small" appearance="subtle" disabled={props.busy} onClick={props.onResetIgnored}>
              重置忽略
            </Button>
          )}
        </div>
      )}
      {shown.length === 0 && filtered && (
        <Text className={styles.empty}>
          {only === null && active.length === 0 ? `全部 ${findings.length} 个问题都已忽略。` : "没有符合筛选条件的问题。"}
        </Text>
      )}
      {shown.length > 0 && (
        <ul className={styles.list} aria-label="问题列表">
          {groups.map((g) => (
            <li key={g.key} className={styles.group}>
              <Heading className={styles.groupTitle}>
                {SEVERITY_LABEL[g.severity]} · {g.sheet}（{g.count}）
              </Heading>
              {g.rules.map((r) => {
                const expanded = isOpen(r.key, r.findings.length);
                const { cards, more } = listed(r.findings, currentId);
                const listId = `list-${r.key.replace(/[^A-Za-z0-9_-]/g, (c) => c.charCodeAt(0).toString(36))}`;
                return (
                  <div key={r.key}>
                    <Button
                      appearance="transparent"
                      size="small"
                      className={styles.ruleToggle}
                      aria-expanded={expanded}
                      aria-controls={expanded ? listId : undefined}
                      onClick={() => setOpen((o) => ({ ...o, [r.key]: !expanded }))}
                    >
                      {expanded ? "▾" : "▸"} {r.title}（{r.findings.length}）
                    </Button>
                    {expanded && (
                      <ul className={styles.inner} id={listId}>
                        {cards.map((f) => {
                          const actions = f.id === currentId ? props.renderActions?.(f) : undefined;
                          return (
                            <FindingCard
                              key={f.id}
                              ref={(el) => {
                                if (el) itemRefs.current.set(f.id, el);
                                else itemRefs.current.delete(f.id);
                              }}
                              finding={f}
                              current={f.id === currentId}
                              ignored={ignoredIds.has(f.id)}
                              busy={props.busy}
                              project={projectOf(f, props.sheetKinds?.[f.sheet])}
                              sheetUnit={props.sheetUnits?.[f.sheet]}
                              onGo={(x) => go(x, false)}
                              onIgnore={props.onIgnore}
                              onRestore={props.onRestore}
                              onStep={(d) => go(step(order, f.id, d), true)}
                              actions={actions}
                              // Only where this finding's fix is on offer: never for a fix refused here, or an item blamed for its sum.
                              fixOffered={actions != null && (props.fixRules?.has(f.rule) ?? false)}
                            />
                          );
                        })}
                        {more > 0 && <li className={styles.more}>{moreOfTheSameText(more)}</li>}
                      </ul>
                    )}
                  </div>
                );
              })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The cards of one rule on one sheet: at most SHOWN_PER_RULE (a sheet of error values would
 * otherwise render a hundred thousand), and the current finding when 上一个/下一个 stepped past them.
 */
function listed(findings: readonly Finding[], currentId: string | null): { cards: Finding[]; more: number } {
  const shown = capPerRule(findings);
  const cards = shown.map((l) => l.finding);
  const more = shown.reduce((n, l) => n + l.more, 0);
  const current =
    more > 0 && currentId !== null && !cards.some((f) => f.id === currentId) && findings.find((f) => f.id === currentId);
  return { cards: current ? [...cards, current] : cards, more };
}

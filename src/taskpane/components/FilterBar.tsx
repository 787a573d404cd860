import { Button, Switch, Text, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import { SEVERITY_LABEL, Severity } from "../../core/finding";
import { SeverityFilter } from "../useChecker";

const useStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
});

export interface FilterBarProps {
  filter: SeverityFilter;
  showIgnored: boolean;
  ignoredCount: number;
  busy: boolean;
  onFilterChange(filter: SeverityFilter): void;
  onShowIgnoredChange(show: boolean): void;
  onResetIgnored(): void;
}

const ORDER: Severity[] = ["error", "warning", "info"];

export function FilterBar(props: FilterBarProps) {
  const styles = useStyles();
  const { filter } = props;
  return (
    <div className={styles.bar} role="group" aria-label="筛选">
      <Text size={200}>显示：</Text>
      {ORDER.map((s) => (
        <ToggleButton
          key={s}
          size="small"
          checked={filter[s]}
          onClick={() => props.onFilterChange({ ...filter, [s]: !filter[s] })}
        >
          {SEVERITY_LABEL[s]}
        </ToggleButton>
      ))}
      <Switch label="显示已忽略" checked={props.showIgnored} onChange={(_, data) => props.onShowIgnoredChange(data.checked)} />
      <Button size="small" appearance="subtle" disabled={props.busy || props.ignoredCount === 0} onClick={props.onResetIgnored}>
        重置忽略
      </Button>
    </div>
  );
}

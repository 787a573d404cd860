import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { Notice } from "../hooks/notices";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export interface ProblemBarProps {
  notices: Notice[];
  onDismiss(id: number): void;
}

/** Failures, sheet problems and confirmations, each in its own MessageBar, in Chinese. */
export function ProblemBar({ notices, onDismiss }: ProblemBarProps) {
  const styles = useStyles();
  if (notices.length === 0) return null;
  return (
    <div className={styles.stack}>
      {notices.map((n) => (
        <MessageBar key={n.id} intent={n.intent}>
          <MessageBarBody>{n.text}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" aria-label="关闭提示" icon={<DismissRegular />} onClick={() => onDismiss(n.id)} />
            }
          />
        </MessageBar>
      ))}
    </div>
  );
}

import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";

/** The list no longer matches the workbook: say so, and offer the check again. */
export function StaleBar({ busy, onRecheck }: { busy: boolean; onRecheck(): void }) {
  return (
    <MessageBar intent="warning">
      <MessageBarBody>表格已修改，结果可能已过期</MessageBarBody>
      <MessageBarActions>
        <Button size="small" disabled={busy} onClick={onRecheck}>
          重新检查
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

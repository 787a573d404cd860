import { Tab, TabList, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { Progress } from "../../core/progress";
import type { Notice } from "../hooks/notices";
import { ProblemBar } from "./ProblemBar";
import { ProgressPanel } from "./ProgressPanel";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  wide: { maxWidth: "1400px", margin: "0 auto" },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  wideTitle: { fontSize: tokens.fontSizeBase500 },
  hint: { color: tokens.colorNeutralForeground2 },
});

export type View = "check" | "templates" | "settings";

export interface ShellProps {
  title: string;
  /** The templates tab: 插入模板 in Excel, 下载模板 in the browser. */
  templatesTab: string;
  view: View;
  onView(view: View): void;
  /** Above the messages (the pane's toolbar), so a message coming or going never moves it under the pointer. */
  toolbar?: ReactNode;
  notices: Notice[];
  onDismiss(id: number): void;
  progress: Progress | null;
  /** A browser window, wider than a pane: the content is centred and capped, the title larger. */
  wide?: boolean;
  children: ReactNode;
}

/** The frame the pane and the page share: title, tabs, messages and progress above the current view. */
export function Shell(props: ShellProps) {
  const styles = useStyles();
  return (
    <main className={mergeClasses(styles.root, props.wide && styles.wide)}>
      <h1 className={mergeClasses(styles.title, props.wide && styles.wideTitle)}>{props.title}</h1>
      <TabList selectedValue={props.view} onTabSelect={(_, data) => props.onView(data.value as View)} size="small">
        <Tab value="check">检查</Tab>
        <Tab value="templates">{props.templatesTab}</Tab>
        <Tab value="settings">设置</Tab>
      </TabList>
      {props.toolbar}
      <ProblemBar notices={props.notices} onDismiss={props.onDismiss} />
      {props.progress && <ProgressPanel progress={props.progress} />}
      {props.children}
    </main>
  );
}

/** What to do first, before anything was checked. */
export function Hint({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return <Text className={styles.hint}>{children}</Text>;
}

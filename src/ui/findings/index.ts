/** The findings list, shared by the task pane and the browser page (issue 10). Pure: no Office. */
export { FindingsView } from "./FindingsView";
export type { FindingsViewProps } from "./FindingsView";
export { FindingCard } from "./FindingCard";
export { RuleHelp } from "./RuleHelp";
export { SeverityWord } from "./SeverityWord";
export { amountLine, projectOf, signed } from "./describe";
export { groupFindings, navigationOrder, orderFindings, step } from "./order";
export { summaryText } from "./summary-text";

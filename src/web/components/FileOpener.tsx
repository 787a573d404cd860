import { Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  // The input stays in the page (and in the tab order) but invisible; its label is the button.
  input: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden", clip: "rect(0 0 0 0)" },
  button: {
    display: "inline-flex",
    alignItems: "center",
    minHeight: "32px",
    padding: `0 ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightSemibold,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorBrandBackgroundHover },
  },
  focused: { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  disabled: {
    backgroundColor: tokens.colorNeutralBackgroundDisabled,
    color: tokens.colorNeutralForegroundDisabled,
    cursor: "default",
  },
  hint: { color: tokens.colorNeutralForeground3 },
  overlay: {
    position: "fixed",
    inset: 0,
    zIndex: 1000,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    backgroundColor: "rgba(0, 90, 158, 0.12)",
    border: `3px dashed ${tokens.colorBrandStroke1}`,
    pointerEvents: "none",
    fontSize: tokens.fontSizeBase500,
    color: tokens.colorBrandForeground1,
  },
});

export interface FileOpenerProps {
  busy: boolean;
  onFile(file: File): void;
}

const ACCEPT =
  ".xlsx,.xlsm,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12,application/vnd.ms-excel";

/** 「打开 Excel 文件」, and a file dropped anywhere on the page. */
export function FileOpener({ busy, onFile }: FileOpenerProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [focused, setFocused] = useState(false);
  const [dragging, setDragging] = useState(false);
  // The window's drop listener is added once; it calls whatever onFile is current.
  const onFileRef = useRef(onFile);
  useEffect(() => {
    onFileRef.current = onFile;
  }, [onFile]);

  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes("Files");
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    // Without preventDefault on dragover the browser would open the dropped file itself.
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file) onFileRef.current(file);
    };
    window.addEventListener("dragenter", enter);
    window.addEventListener("dragleave", leave);
    window.addEventListener("dragover", over);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragenter", enter);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("dragover", over);
      window.removeEventListener("drop", drop);
    };
  }, []);

  return (
    <div className={styles.row}>
      <input
        ref={input}
        id="workbook-file"
        type="file"
        accept={ACCEPT}
        className={styles.input}
        disabled={busy}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared at once, so choosing the same file again (after editing it) checks it again.
          e.target.value = "";
          if (file) onFile(file);
        }}
      />
      <label htmlFor="workbook-file" className={mergeClasses(styles.button, focused && styles.focused, busy && styles.disabled)}>
        打开 Excel 文件
      </label>
      <Text className={styles.hint}>或把 .xlsx / .xlsm / .xls 文件拖到本页</Text>
      {dragging && (
        <div className={styles.overlay} aria-hidden="true">
          松开鼠标即可检查
        </div>
      )}
    </div>
  );
}

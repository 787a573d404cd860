import { countBySeverity } from "../../core/results-table";
import { formatCounts } from "../report-text";
import { terminalText } from "../terminal-text";
import { FileOutcome } from "./outcome";

/** Where progress goes: stderr, with what it knows about being a terminal. */
export interface ProgressSink {
  isTTY?: boolean;
  columns?: number;
  write(text: string): void;
}

const BAR = 24;
const REDRAW_MS = 100;

/**
 * Progress on stderr: on a terminal one bar (done / total, elapsed, the current file) redrawn in
 * place, with a line above it for each file that could not be read; otherwise a plain line per file.
 */
export class Progress {
  private done = 0;
  private current = "";
  private readonly started = Date.now();
  private lastDraw = 0;

  constructor(
    private readonly total: number,
    private readonly sink: ProgressSink | null,
  ) {}

  start(file: string): void {
    this.current = terminalText(file);
    if (this.sink?.isTTY) this.draw(false);
  }

  finished(outcome: FileOutcome): void {
    this.done++;
    if (!this.sink) return;
    const line = terminalText(`[${this.done}/${this.total}] ${describe(outcome)}`);
    if (!this.sink.isTTY) {
      this.sink.write(line + "\n");
      return;
    }
    if (outcome.status === "failed") this.sink.write(`\r\x1b[2K${line}\n`);
    this.draw(outcome.status === "failed" || this.done === this.total);
  }

  /** Clears the bar, so what follows on the terminal starts on a clean line. */
  end(): void {
    if (this.sink?.isTTY) this.sink.write("\r\x1b[2K");
  }

  private draw(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    const filled = this.total === 0 ? BAR : Math.round((this.done / this.total) * BAR);
    const head = `检查中 [${"█".repeat(filled)}${"░".repeat(BAR - filled)}] ${this.done}/${this.total} ${elapsed(now - this.started)} `;
    const room = Math.max(10, (this.sink!.columns ?? 80) - displayWidth(head) - 1);
    this.sink!.write(`\r\x1b[2K${head}${fitWidth(this.current, room)}`);
  }
}

function describe(o: FileOutcome): string {
  if (o.status === "checked") return `${o.file}：${formatCounts(countBySeverity(o.result.findings))}`;
  return o.error.message;
}

function elapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}

/** Chinese characters take two terminal columns. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** Keeps the end of a long path (the file name), which says most. */
function fitWidth(text: string, room: number): string {
  if (displayWidth(text) <= room) return text;
  const chars = [...text];
  let out = "";
  for (let i = chars.length - 1; i >= 0 && displayWidth("…" + chars[i] + out) <= room; i--) out = chars[i] + out;
  return "…" + out;
}

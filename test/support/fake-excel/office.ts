import { FakeWorkbookState, versionAtLeast } from "./state";

export interface FakeDialogRecord {
  url: string;
  options: unknown;
  closed: boolean;
  messages: string[];
  /** Simulates the dialog page calling messageParent, or the user closing it. */
  fire(eventType: string, arg?: unknown): void;
}

/**
 * The Office global, as far as the add-in uses it: onReady, requirement sets, ribbon actions and
 * dialogs. Dialogs are recorded so tests can read what the user would have seen.
 */
export function createFakeOffice(state: FakeWorkbookState) {
  const actions = new Map<string, (event: { completed: () => void }) => unknown>();
  const dialogs: FakeDialogRecord[] = [];
  const office = {
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      const info = { host: "Excel", platform: "OfficeOnline" };
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      requirements: {
        isSetSupported(name: string, version?: string): boolean {
          if (name !== "ExcelApi") return false;
          return versionAtLeast(state.maxApi, version ?? "1.1");
        },
      },
      ui: {
        displayDialogAsync(url: string, options?: unknown, callback?: (result: unknown) => void) {
          if (typeof options === "function") [callback, options] = [options as (result: unknown) => void, undefined];
          const handlers = new Map<string, ((arg: unknown) => void)[]>();
          const record: FakeDialogRecord = {
            url,
            options,
            closed: false,
            messages: [],
            fire: (type, arg) => (handlers.get(type) ?? []).forEach((h) => h(arg ?? { message: "close" })),
          };
          dialogs.push(record);
          const dialog = {
            addEventHandler: (type: string, handler: (arg: unknown) => void) =>
              void handlers.set(type, [...(handlers.get(type) ?? []), handler]),
            close: () => void (record.closed = true),
            messageChild: (message: string) => void record.messages.push(message),
          };
          callback?.({ status: "succeeded", value: dialog });
        },
        messageParent: (_message: string) => undefined,
      },
    },
    actions: {
      associate(name: string, handler: (event: { completed: () => void }) => unknown) {
        actions.set(name, handler);
      },
    },
  };
  return { office, actions, dialogs };
}

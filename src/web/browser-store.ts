/**
 * What the page keeps in the browser's localStorage: the rounding band, and the ignored findings of
 * each workbook, keyed by its file name and sheet names (the closest a page gets to "this workbook").
 * Storage may be missing or full (private windows, locked-down browsers); the page then works
 * without remembering.
 */
const PREFIX = "budget-check:";
const TOLERANCE_KEY = `${PREFIX}tolerance`;

export function ignoredKey(fileName: string, sheetNames: readonly string[]): string {
  return `${PREFIX}ignored:${JSON.stringify([fileName, ...sheetNames])}`;
}

export interface BrowserStore {
  loadIgnored(key: string): string[];
  saveIgnored(key: string, ids: readonly string[]): boolean;
  loadTolerance(): string | null;
  saveTolerance(text: string): boolean;
}

export function browserStore(storage: Storage | null = safeLocalStorage()): BrowserStore {
  const get = (key: string) => {
    try {
      return storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  };
  const set = (key: string, value: string | null) => {
    if (!storage) return false;
    try {
      if (value === null) storage.removeItem(key);
      else storage.setItem(key, value);
      return true;
    } catch {
      return false;
    }
  };
  return {
    loadIgnored(key) {
      try {
        const parsed: unknown = JSON.parse(get(key) ?? "[]");
        return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === "string") : [];
      } catch {
        return [];
      }
    },
    saveIgnored: (key, ids) => set(key, ids.length > 0 ? JSON.stringify(ids) : null),
    loadTolerance: () => get(TOLERANCE_KEY),
    saveTolerance: (text) => set(TOLERANCE_KEY, text),
  };
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    // Some browsers throw on the very access when storage is disabled.
    return null;
  }
}

import { useCallback, useMemo } from "react";
import type { Finding } from "../../core/finding";

/**
 * Ignored findings, with one behaviour in the pane and the page: 忽略 adds a finding's id once,
 * 恢复 removes it, 重置忽略 empties the list, and the active findings are the others. The ids are
 * the host's (the workbook's settings, or the browser's storage), and so is `save`.
 */
export function useIgnored(findings: readonly Finding[], ignored: readonly string[], save: (ids: string[]) => unknown) {
  const ignoredIds = useMemo(() => new Set(ignored), [ignored]);
  const active = useMemo(() => findings.filter((f) => !ignoredIds.has(f.id)), [findings, ignoredIds]);
  const ignore = useCallback((f: Finding) => void save([...ignored.filter((id) => id !== f.id), f.id]), [ignored, save]);
  const restore = useCallback((f: Finding) => void save(ignored.filter((id) => id !== f.id)), [ignored, save]);
  const resetIgnored = useCallback(() => void save([]), [save]);
  return { ignoredIds, active, ignoredCount: findings.length - active.length, ignore, restore, resetIgnored };
}

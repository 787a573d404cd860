import { useEffect, useRef } from "react";

/**
 * Refs for a scrolling box and the cell it must show: whenever `key` changes, only the box is
 * scrolled (scrollIntoView would move the page too) so the cell is centred in it where the box
 * allows, sideways and, when `vertical`, up and down. A narrow pane or phone sees the cell a
 * preview or an example points at, not the first columns only.
 */
export function useCellInBox<Box extends HTMLElement, Cell extends HTMLElement>(key: unknown, vertical = true) {
  const box = useRef<Box>(null);
  const cell = useRef<Cell>(null);
  useEffect(() => {
    const b = box.current;
    const c = cell.current;
    if (!b || !c) return;
    b.scrollLeft = Math.max(0, c.offsetLeft - (b.clientWidth - c.offsetWidth) / 2);
    if (vertical) b.scrollTop = Math.max(0, c.offsetTop - (b.clientHeight - c.offsetHeight) / 2);
  }, [key, vertical]);
  return { box, cell };
}

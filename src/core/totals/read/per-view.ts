import { SheetView } from "../../snapshot";

/**
 * A value computed once per sheet view and shared by every check that reads that sheet: the
 * sheet's own rules and the cross-table checks see the same view objects (src/core/check.ts).
 * Views are immutable, so the cached value can never go stale.
 */
export function perView<T>(make: (view: SheetView) => T): (view: SheetView) => T {
  const cache = new WeakMap<SheetView, T>();
  return (view) => {
    if (cache.has(view)) return cache.get(view) as T;
    const value = make(view);
    cache.set(view, value);
    return value;
  };
}

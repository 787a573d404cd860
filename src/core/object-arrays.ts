/**
 * Empty arrays that start in the element kind they end in. V8 starts a `[]` as an array of small
 * integers and changes its kind at the first object (or the first gap). Code optimized while one
 * check ran saw only the changed kind, so the fresh arrays of the next check did not match it and
 * V8 threw that code away ("wrong map" deopts): the bench's second check ran largely unoptimized.
 * Only the kind differs from `[]`: the arrays are empty.
 */

/** For arrays filled by `push` with objects, strings or null. */
export function objectArray<T>(): T[] {
  const array: unknown[] = [null];
  array.pop();
  return array as T[];
}

/** For arrays filled by index, with gaps. */
export function sparseArray<T>(): T[] {
  const array: unknown[] = [null];
  delete array[0];
  array.length = 0;
  return array as T[];
}

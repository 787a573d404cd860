import { bodyRows, keyCols } from "../table";
import { Transform, deleteRows, edit, insertRows } from "./layout";

/** One to three places in the body get one or two blank rows (the last place may be below the last row). */
export const paddingRows: Transform = {
  name: "padding-rows",
  title: "表体中插入空行",
  apply(input, rng) {
    const body = bodyRows(input.table);
    if (body.length === 0) return { skip: "没有表体" };
    const l = edit(input);
    const places = [...new Set(Array.from({ length: 1 + rng.int(3) }, () => body[0] + rng.int(body.length + 1)))];
    for (const at of places.sort((a, b) => b - a)) insertRows(l, at, 1 + rng.int(2), true);
    return l;
  },
};

/**
 * A 栏次 row under the header (栏次 in the first key column, the amount columns numbered 1, 2, …
 * across the panels), as many forms have; where the table already has one, it is taken out instead.
 */
export const colNoRow: Transform = {
  name: "col-no-row",
  title: "增加（或去掉）栏次行",
  apply(input) {
    const l = edit(input);
    const present = l.table.colNoRow;
    if (present !== undefined) {
      deleteRows(l, present, 1);
      const t = l.table;
      delete t.colNoRow;
      if (present <= input.table.header.bottom) t.header = { top: t.header.top, bottom: input.table.header.bottom - 1 };
      return t.header.bottom >= t.header.top ? l : { skip: "栏次行是唯一的表头行" };
    }
    const at = l.table.header.bottom + 1;
    insertRows(l, at, 1, false);
    l.table.header.bottom = at;
    l.table.colNoRow = at;
    let n = 0;
    for (const p of l.table.panels) {
      const first = keyCols(p)[0];
      if (first !== undefined) l.grid.set(at, first, "栏次");
      for (const c of p.amounts) l.grid.set(at, c, ++n);
    }
    return l;
  },
};

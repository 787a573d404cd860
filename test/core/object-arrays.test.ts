import { objectArray, sparseArray } from "../../src/core/object-arrays";

// The element kind is V8's business (docs/benchmarks.md); what callers rely on is that the arrays
// are empty and behave as `[]` does.
describe("object-arrays", () => {
  it("objectArray is empty and fills by push like []", () => {
    const a = objectArray<{ n: number } | null>();
    expect(a).toEqual([]);
    a.push({ n: 1 }, null);
    expect(a).toEqual([{ n: 1 }, null]);
    expect(a.length).toBe(2);
  });

  it("sparseArray is empty and keeps gaps when filled by index like []", () => {
    const a = sparseArray<string[]>();
    expect(a.length).toBe(0);
    a[3] = ["x"];
    expect(a.length).toBe(4);
    expect(0 in a).toBe(false);
    expect(a[0]).toBeUndefined();
    expect(a[3]).toEqual(["x"]);
  });
});

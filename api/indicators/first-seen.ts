/**
 * Codes in order of first appearance, looked up by an outer key then a value (strata by wave and
 * stored stratum, PSUs by stratum and stored PSU): no key string per row. A book continued for
 * appended rows (`continued`) gives the earlier values their codes and new ones the next codes,
 * copying only the inner maps it adds to, so the earlier book stays as it was.
 */
export class FirstSeen {
  private readonly owned: Set<Map<unknown, number>>;

  private constructor(private readonly maps: Map<number, Map<unknown, number>>, private count: number, owned: Set<Map<unknown, number>>) {
    this.owned = owned;
  }

  static empty(): FirstSeen {
    return new FirstSeen(new Map(), 0, new Set());
  }

  /** How many codes were given. */
  get size(): number {
    return this.count;
  }

  code(outer: number, value: unknown): number {
    let inner = this.maps.get(outer);
    if (inner !== undefined) {
      const code = inner.get(value);
      if (code !== undefined) return code;
      if (!this.owned.has(inner)) {
        inner = new Map(inner);
        this.maps.set(outer, inner);
        this.owned.add(inner);
      }
    } else {
      inner = new Map();
      this.maps.set(outer, inner);
      this.owned.add(inner);
    }
    const code = this.count++;
    inner.set(value, code);
    return code;
  }

  /** A book that goes on from this one's codes, leaving this one unchanged. */
  continued(): FirstSeen {
    this.owned.clear(); // the inner maps are shared from now on: either book copies one before adding to it
    return new FirstSeen(new Map(this.maps), this.count, new Set());
  }
}

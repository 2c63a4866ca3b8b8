/**
 * Which tickers are "substantially identical" for the wash-sale rule: a security, the members of
 * its wash group, and every name it has had through ticker changes. A union-find over tickers.
 */
export class WashIdentity {
  private readonly parent = new Map<string, string>();
  private readonly members = new Map<string, Set<string>>();

  /** The representative of `ticker`'s wash set. */
  root(ticker: string): string {
    let node = ticker;
    for (;;) {
      const up = this.parent.get(node);
      if (up === undefined || up === node) break;
      node = up;
    }
    // Path compression keeps look-ups O(α) over a long history.
    let walk = ticker;
    while (walk !== node) {
      const up = this.parent.get(walk)!;
      this.parent.set(walk, node);
      walk = up;
    }
    return node;
  }

  /** Declares two tickers substantially identical. */
  join(a: string, b: string): void {
    const ra = this.root(a);
    const rb = this.root(b);
    const setA = this.members.get(ra) ?? new Set([ra]);
    if (ra === rb) {
      this.members.set(ra, setA);
      return;
    }
    const setB = this.members.get(rb) ?? new Set([rb]);
    this.parent.set(rb, ra);
    for (const m of setB) setA.add(m);
    this.members.set(ra, setA);
    this.members.delete(rb);
  }

  /** Every ticker in `ticker`'s wash set, itself included. */
  tickers(ticker: string): ReadonlySet<string> {
    return this.members.get(this.root(ticker)) ?? new Set([ticker]);
  }
}

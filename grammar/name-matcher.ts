/**
 * The longest declared name starting at every position of a text, in time linear in the text plus
 * the names (Aho–Corasick over the reversed names, run over the reversed text): a match ending at
 * reversed position i is a name starting at the mirrored position.
 */

interface Node {
  readonly next: Map<string, number>;
  fail: number;
  /** Length of the longest name that is a suffix of this node's string (0: none). */
  best: number;
  depth: number;
}

/** For each offset of `text`, the length of the longest name in `names` starting there (0: none). */
export function longestNameStarts(text: string, names: Iterable<string>): Uint32Array {
  const nodes = buildAutomaton(names);
  const out = new Uint32Array(text.length + 1);
  let state = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const ch = text[i]!;
    while (state !== 0 && !nodes[state]!.next.has(ch)) state = nodes[state]!.fail;
    state = nodes[state]!.next.get(ch) ?? 0;
    out[i] = nodes[state]!.best;
  }
  return out;
}

function buildAutomaton(names: Iterable<string>): Node[] {
  const nodes: Node[] = [{ next: new Map(), fail: 0, best: 0, depth: 0 }];
  for (const name of names) {
    let s = 0;
    for (let i = name.length - 1; i >= 0; i--) {
      const ch = name[i]!;
      let t = nodes[s]!.next.get(ch);
      if (t === undefined) {
        t = nodes.length;
        nodes.push({ next: new Map(), fail: 0, best: 0, depth: nodes[s]!.depth + 1 });
        nodes[s]!.next.set(ch, t);
      }
      s = t;
    }
    if (name.length) nodes[s]!.best = name.length;
  }
  // Breadth-first: fail links point to the longest proper suffix that is also in the trie.
  const queue: number[] = [...nodes[0]!.next.values()];
  for (let q = 0; q < queue.length; q++) {
    const u = queue[q]!;
    const node = nodes[u]!;
    node.best ||= nodes[node.fail]!.best;
    for (const [ch, v] of node.next) {
      let f = node.fail;
      while (f !== 0 && !nodes[f]!.next.has(ch)) f = nodes[f]!.fail;
      const to = nodes[f]!.next.get(ch);
      nodes[v]!.fail = to !== undefined && to !== v ? to : 0;
      queue.push(v);
    }
  }
  return nodes;
}

#!/usr/bin/python3
"""The peer for casegraph's graph analytics: Debian's python3-networkx computing PageRank and
Louvain communities on the same weighted, undirected edge list that casegraph analyses.

Usage: networkx_analytics.py EDGES.tsv [RUNS]
EDGES.tsv: one edge per line, "a<TAB>b<TAB>weight" (integer vertex ids).
Prints one JSON object: networkx version, vertex and edge counts, seconds for loading, and the
median over RUNS (default 5, after one warm-up) of PageRank and of Louvain (seed 42), and the
number of communities found. numpy and scipy (which networkx's PageRank uses) are imported
before any timing, so their import is not counted against the peer.
"""
import json
import statistics
import sys
import time

import networkx as nx
import numpy  # noqa: F401  (imported up front: see above)
import scipy.sparse  # noqa: F401


def main() -> None:
    path = sys.argv[1]
    t0 = time.perf_counter()
    g = nx.Graph()
    with open(path, encoding="ascii") as f:
        for line in f:
            a, b, w = line.split("\t")
            g.add_edge(int(a), int(b), weight=float(w))
    t1 = time.perf_counter()
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    pagerank_s, louvain_s = [], []
    for i in range(runs + 1):
        a = time.perf_counter()
        nx.pagerank(g, alpha=0.85, weight="weight")
        b = time.perf_counter()
        communities = nx.community.louvain_communities(g, weight="weight", seed=42)
        c = time.perf_counter()
        if i > 0:  # the first run is a warm-up
            pagerank_s.append(b - a)
            louvain_s.append(c - b)
    print(json.dumps({
        "peer": "networkx",
        "version": nx.__version__,
        "vertices": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "runs": runs,
        "load_s": round(t1 - t0, 4),
        "pagerank_s": round(statistics.median(pagerank_s), 4),
        "louvain_s": round(statistics.median(louvain_s), 4),
        "communities": len(communities),
    }))


if __name__ == "__main__":
    main()

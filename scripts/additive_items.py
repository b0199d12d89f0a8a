#!/usr/bin/env python3
"""Writes the additive-items benchmark problem as a mechlp/1 file.

One buyer, M additive items, each item's value on the midpoint grid (2i + 1) / (2N), i = 0..N-1, uniform prior over
the N^M types; outcomes are the 2^M bundles; DSIC, ex post IR, maximum revenue. M = 2 is the two-item grid of
README.md, Performance (optima: N = 20 2277/4000, N = 100 553193/1000000).

Usage: python3 scripts/additive_items.py M N OUT.json
"""
import itertools
import json
import sys


def problem(m, n):
    attributes = "abcdefgh"[:m]
    letters = "ABCDEFGH"
    types = []
    for index in itertools.product(range(n), repeat=m):
        t = {"name": "".join(f"{attributes[k]}{index[k]}" for k in range(m))}
        for k in range(m):
            t[attributes[k]] = f"{2 * index[k] + 1}/{2 * n}"
        types.append(t)
    outcomes = ["none"]
    values = {}
    for mask in range(1, 1 << m):
        bundle = "".join(letters[k] for k in range(m) if mask >> k & 1)
        outcomes.append(bundle)
        values[bundle] = " + ".join(attributes[k] for k in range(m) if mask >> k & 1)
    return {
        "format": "mechlp/1",
        "name": f"additive-m{m}-N{n}",
        "agents": [{"name": "buyer", "types": types, "prior": [f"1/{len(types)}"] * len(types)}],
        "outcomes": outcomes,
        "valuations": {"buyer": {"expression": values}},
        "mechanism": {"ic": "dsic", "ir": "expost"},
        "objective": "revenue",
    }


if __name__ == "__main__":
    if len(sys.argv) != 4 or not 1 <= int(sys.argv[1]) <= 8 or int(sys.argv[2]) < 1:
        sys.exit("usage: python3 scripts/additive_items.py M N OUT.json   (1 <= M <= 8, N >= 1)")
    with open(sys.argv[3], "w") as out:
        json.dump(problem(int(sys.argv[1]), int(sys.argv[2])), out, indent=1)

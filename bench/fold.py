#!/usr/bin/env python3
"""Folds `perf script` output (stdin) into one line per distinct stack, root first, frames joined by
';', then the number of samples: the format flame-graph tools read. Native-image symbols lose their
hash suffix (CompiledPlan_complete_Ab3x... -> CompiledPlan_complete), so that a method is one frame.

    perf script -i profile.data | bench/fold.py > profile.folded
    bench/fold.py --under GraphQLEndpoint profile.folded      # what the samples under a frame went to
    bench/fold.py --tree 'GraphQLEndpoint$Handler_doHandle' profile.folded 124.3 8 1.0
        # the calls below that frame as a tree, each with its share of the CPU per answer (124.3 µs
        # here, from cpu.tsv), 8 levels deep, branches under 1.0 µs left out
"""
import re
import sys
from collections import Counter

SUFFIX = re.compile(r"_[0-9A-Za-z]{20,26}$")


JIT_FRAME = re.compile(r"^(?:[\w.$\[\]<>, ]+ )?(?:[\w$]+\.)*([\w$]+)\.([\w$<>]+)\(")


def clean(symbol):
    """One frame's name as Class_method: native-image's symbols without their hash, HotSpot's perf-map
    names ('void io.netty.Foo.bar(int)') without package, return type and arguments."""
    symbol = symbol.split("+0x")[0]
    jit = JIT_FRAME.match(symbol)
    if jit:
        return f"{jit.group(1)}_{jit.group(2)}"
    return SUFFIX.sub("", symbol)


def fold(lines):
    stacks = Counter()
    frames = []
    for line in lines:
        line = line.rstrip("\n")
        if not line.strip():
            if frames:
                stacks[";".join(reversed(frames))] += 1
                frames = []
            continue
        if line.startswith((" ", "\t")):
            parts = line.strip().split(" ", 1)
            if len(parts) == 2:
                frames.append(clean(parts[1].rsplit(" (", 1)[0]))
    if frames:
        stacks[";".join(reversed(frames))] += 1
    return stacks


def samples(path):
    """The folded file's stacks, each as its list of frames (root first) and its number of samples."""
    for line in open(path):
        stack, count = line.rsplit(" ", 1)
        yield stack.split(";"), int(count)


def under(path, frame, depth=1, limit=40):
    """Samples whose stack holds a frame matching `frame`, split by the next `depth` frames below it."""
    total = 0
    within = 0
    children = Counter()
    for frames, count in samples(path):
        total += count
        hits = [i for i, f in enumerate(frames) if re.search(frame, f)]
        if not hits:
            continue
        within += count
        i = hits[0]
        below = frames[i + 1:i + 1 + depth]
        children[";".join(below) if below else "(self)"] += count
    print(f"{frame}: {within} of {total} samples ({100 * within / max(total, 1):.1f} %)")
    for child, count in children.most_common(limit):
        print(f"  {100 * count / max(total, 1):5.1f} %  {child}")


def tree(path, frame, per_answer, depth=8, least=1.0):
    """The calls below the first frame named exactly `frame` in each sample, as an indented tree; each
    node's figure is its share of the samples times `per_answer` (the CPU per answer, µs)."""
    def node():
        return [0, {}]
    root = node()
    total = 0
    for frames, count in samples(path):
        total += count
        if frame not in frames:
            continue
        at = root
        at[0] += count
        start = frames.index(frame) + 1
        for name in frames[start:start + depth]:
            at = at[1].setdefault(name, node())
            at[0] += count

    def show(at, name, level):
        value = at[0] / max(total, 1) * per_answer
        if value < least:
            return
        print(f"{'  ' * level}{value:.1f}  {name}")
        for child, below in sorted(at[1].items(), key=lambda item: -item[1][0]):
            show(below, child, level + 1)
    show(root, frame, 0)


if __name__ == "__main__":
    if len(sys.argv) >= 5 and sys.argv[1] == "--tree":
        tree(sys.argv[3], sys.argv[2], float(sys.argv[4]), *(int(sys.argv[5]),) if len(sys.argv) > 5 else (),
             *(float(sys.argv[6]),) if len(sys.argv) > 6 else ())
    elif len(sys.argv) >= 3 and sys.argv[1] == "--under":
        depth = int(sys.argv[4]) if len(sys.argv) > 4 else 1
        under(sys.argv[3], sys.argv[2], depth)
    else:
        for stack, count in fold(sys.stdin).items():
            print(f"{stack} {count}")

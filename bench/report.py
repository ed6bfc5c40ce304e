#!/usr/bin/env python3
"""The benchmark's table: every measured row of OUT/results.tsv with its ratios to the Apollo and
Tailcall peers and to the ceiling measured in the same run, as markdown; also OUT/throughput.dat for bench/plot.gp.
With OUT/replicas.tsv (REPLICAS=1 bench/run.sh), the table of the memory and redis backends instead."""
import sys
from pathlib import Path

out = Path(sys.argv[1])


def print_machine():
    print((out / "machine.txt").read_text().strip() if (out / "machine.txt").exists() else "")
    print()


def print_rss():
    rss = out / "rss.txt"
    if rss.exists() and rss.read_text().strip():
        print()
        print("Resident memory (RSS):")
        print()
        for line in rss.read_text().splitlines():
            print(f"- {line}")


replicas = out / "replicas.tsv"
if replicas.exists():
    print_machine()
    print("| cache backend | scenario | replicas | requests/s | p50 ms | p99 ms | stand-in calls per run | per 1 000 answers | Redis commands per 1 000 answers | replicas' share of CPU 0 | failures |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    names = {"mix": "mix (other variables every request)", "hits": "answer-cache hits (the same request)"}
    for backend, scenario, count, rps, p50, p99, calls, redis, cpu0, per_run, failures in (
            line.split("\t") for line in replicas.read_text().splitlines() if line.strip()):
        redis = "" if backend == "memory" else redis
        print(f"| {backend} | {names.get(scenario, scenario)} | {count} | {rps} | {p50} | {p99} | {per_run} | {calls} | {redis} | {cpu0} | {failures} |")
    print_rss()
    sys.exit(0)

rows = [line.split("\t") for line in (out / "results.tsv").read_text().splitlines() if line.strip()]


def median(rps):
    return float(rps.split(" ")[0])


by_key = {(kind, scenario, query): row for row in rows for kind, scenario, query in [row[:3]]}
calls_file = out / "calls.tsv"
calls = {tuple(line.split("\t")[:3]): line.split("\t")[3] for line in calls_file.read_text().splitlines() if line.strip()} \
    if calls_file.exists() else {}
ceiling = next((median(row[3]) for row in rows if row[0] == "ceiling"), None)
# the peers have no cache: their one configuration is the comparison for hits, engine runs and misses
peer_scenario = {"cold": "cold", "mix": "mix", "hits": "misses", "engine": "misses", "misses": "misses"}
PEERS = ("apollo", "tailcall")
names = {"direct": "Partnero stand-in directly (the ceiling)", "cold": "cold: first {COLD} s of a fresh process, distinct requests",
         "hits": "answer-cache hits (the same request)", "engine": "engine runs (answer cache off, data cache on)",
         "misses": "misses (all caches off)", "mix": "mix (other variables every request)"}

print_machine()
def versus(kind, scenario, query, rps, peer):
    """This row's requests/s as a multiple of the peer's in the scenario it is compared with; blank for the peer itself."""
    other = by_key.get((peer, peer_scenario.get(scenario, scenario), query))
    return "" if kind in (peer, "ceiling") or other is None else f"{median(rps) / median(other[3]):.2f}x"


print("| artifact | scenario | query | requests/s | x Apollo | x Tailcall | % of ceiling | p50 ms | p99 ms | failures | Partnero calls per answer |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
plot = []
for kind, scenario, query, rps, p50, p99, failures in rows:
    share = "" if ceiling is None else f"{100 * median(rps) / ceiling:.1f} %"
    name = names.get(scenario, scenario).replace("{COLD}", "30")
    ratios = " | ".join(versus(kind, scenario, query, rps, peer) for peer in PEERS)
    print(f"| {kind} | {name} | {query} | {rps} | {ratios} | {share} | {p50} | {p99} | {failures} | {calls.get((kind, scenario, query), '')} |")
    if query == "customers":
        plot.append(f'"{kind} {scenario}"\t{median(rps)}')
(out / "throughput.dat").write_text("\n".join(plot) + "\n")
print_rss()

soaks = sorted(out.glob("soak-*.tsv"))
if soaks:
    print()
    print("| soak (10 min, distinct and repeated requests, 7 client keys, limit up to 250) | requests/s first / last minute | RSS first / last minute (MiB) | RSS max | failures |")
    print("| --- | --- | --- | --- | --- |")
    for soak in soaks:
        steps = [line.split("\t") for line in soak.read_text().splitlines() if line.strip()]
        if len(steps) < 12:
            continue
        first, last = steps[:6], steps[-6:]
        avg = lambda part, i: sum(float(s[i]) for s in part) / len(part)
        print(f"| {soak.stem[5:]} | {avg(first, 1):.0f} / {avg(last, 1):.0f} | {avg(first, 2):.0f} / {avg(last, 2):.0f} | "
              f"{max(int(s[2]) for s in steps)} | {sum(int(s[3]) for s in steps)} |")

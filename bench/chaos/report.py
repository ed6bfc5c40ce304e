#!/usr/bin/env python3
"""The chaos run's report: bench/chaos/report.py RUN_DIR OUT.

Reads what bench/chaos.sh left in RUN_DIR (answers.* from bench/chaos/check.lua, phases.tsv, events.tsv,
rss.tsv, faultproxy.json, wrk.txt) and prints the Markdown report (a table per phase, the causes of
failures, the targets with PASS or MISS); writes OUT/timeline.tsv, OUT/rss.tsv, OUT/phases.tsv,
OUT/events.tsv, OUT/shading.gp and OUT/labels.gp for bench/chaos/plot.gp. Every time in OUT is seconds from the start
of the load."""
import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

run, out = Path(sys.argv[1]), Path(sys.argv[2])

SEEN = ("pages", "search", "nested")  # the mix: fetched once before the faults began
BIN = 2  # seconds per point of the timeline
GRACE = 15  # s after a fault phase in which its codes are still right (the 10 s deadline, the breaker's 5 s)
EARLY = 5  # s before a fault phase: a request sent then may reach Partnero in it (answers take seconds under load)
# the right codes for data never seen, per fault (the breaker, open, answers UPSTREAM_UNAVAILABLE)
RIGHT = {
    "5xx": {"UPSTREAM_UNAVAILABLE"},
    "latency": {"UPSTREAM_TIMEOUT", "UPSTREAM_UNAVAILABLE"},
    "reset": {"UPSTREAM_UNAVAILABLE"},
    "429": {"RATE_LIMITED"},
    "outage": {"UPSTREAM_UNAVAILABLE"},
    "mixed": {"UPSTREAM_UNAVAILABLE", "UPSTREAM_TIMEOUT"},
}
# after a 429 phase the gateway holds a key's calls back for Partnero's Retry-After (the proxy's longest:
# 30 s), so RATE_LIMITED stays right that long after it
HOLD = {"429": 30 + GRACE}
BREAKER_DELAY, REPLICAS = 5, 3  # partnero.circuit-breaker.delay's default; bench/chaos.sh's replicas
OPENING = 2  # s at the start of the outage in which the breakers open

phases = [(float(t), label, fault) for t, label, fault in
          (line.split("\t") for line in (run / "phases.tsv").read_text().splitlines() if line.strip())]
t0 = phases[0][0]
spans = [(start - t0, end - t0, label, fault) for (start, label, fault), (end, _, _) in zip(phases, phases[1:])]
events = [(float(t) - t0, name) for t, name in
          (line.split("\t") for line in (run / "events.tsv").read_text().splitlines() if line.strip())]


def phase_at(t):
    for start, end, label, fault in spans:
        if start <= t < end:
            return label, fault
    return (spans[-1][2], spans[-1][3]) if t >= spans[-1][1] else (None, None)


def right_codes(t):
    """The codes a request for data never seen may rightly fail with, sent at t."""
    codes = set()
    for start, end, label, fault in spans:
        if fault in RIGHT and start - EARLY <= t < end + HOLD.get(fault, GRACE):
            codes |= RIGHT[fault]
    return codes


answers = []  # (sent s, latency ms, kind, class, replica, line of bench/chaos/requests.tsv or 0)
for f in sorted(run.glob("answers.[0-9]*")):
    for line in f.read_text().splitlines():
        sent, latency, kind, cls, replica, request = (line.split("\t") + ["0"])[:6]
        answers.append((float(sent) / 1000 - t0, float(latency), kind, cls, replica, int(request)))
wrk = next((line for line in (run / "wrk.txt").read_text().splitlines() if line.startswith("RESULT")), "")
wrk_fields = dict(kv.split("=") for kv in wrk.split()[1:]) if wrk else {}
end_s = float(wrk_fields.get("end_ms", 0)) / 1000 - t0 if wrk_fields else spans[-1][1]
lost, in_flight = [], 0
pending = run / "answers.pending"
for line in (pending.read_text().splitlines() if pending.exists() else []):
    sent, kind = line.split("\t")
    sent = float(sent) / 1000 - t0
    if sent < end_s - 45:  # longer than any answer may take (the deadline, a shutdown, haproxy's retries)
        lost.append((sent, kind))
    else:
        in_flight += 1
proxy = json.loads((run / "faultproxy.json").read_text())
calls = {label: sum(by.values()) for label, by in proxy["calls"].items()}


def failed(cls):
    return cls not in ("ok", "stale")


def percentile(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, max(0, math.ceil(p / 100 * len(values)) - 1))]


def code_of(cls):
    return cls[len("error_"):].rsplit("_", 1)[0] if cls.startswith("error_") and cls[-1].isdigit() else cls[len("error_"):]


# per phase
rows = []
by_phase = defaultdict(list)
for a in answers:
    by_phase[phase_at(a[0])[0]].append(a)
lost_by_phase = Counter(phase_at(t)[0] for t, _ in lost)
print((out / "machine.txt").read_text().strip() if (out / "machine.txt").exists() else "")
print()
print("| phase | fault | from s | seconds | answers | answers/s | stale | failed, data seen before | failed, data never seen | lost | p50 ms | p99 ms | p99 ms, data seen | stand-in calls | per 1 000 answers |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
causes = defaultdict(Counter)
for start, end, label, fault in spans:
    mine = by_phase.get(label, [])
    seen_failed = sum(1 for a in mine if a[2] in SEEN and failed(a[3]))
    fresh_failed = sum(1 for a in mine if a[2] == "fresh" and failed(a[3]))
    stale = sum(1 for a in mine if a[3] == "stale")
    for a in mine:
        if failed(a[3]):
            causes[label][("seen" if a[2] in SEEN else "never seen", a[3])] += 1
    latencies = [a[1] for a in mine]
    n = len(mine)
    c = calls.get(label, 0)
    print(f"| {label} | {fault} | {start:.0f} | {end - start:.0f} | {n} | {n / (end - start):.0f} | {stale} | {seen_failed} | {fresh_failed} | "
          f"{lost_by_phase.get(label, 0)} | {percentile(latencies, 50):.1f} | {percentile(latencies, 99):.1f} | {percentile([a[1] for a in mine if a[2] in SEEN], 99):.1f} | {c} | {1000 * c / n if n else 0:.1f} |")
print()
print(f"Answers: {len(answers)} (of which {sum(1 for a in answers if a[2] == 'fresh')} for data never seen), "
      f"{len(lost)} lost, {in_flight} in flight when the load stopped; wrk: {wrk.replace('RESULT ', '')}")
print()
stats = out / "haproxy-stats.csv"
if stats.exists():
    lines = stats.read_text().splitlines()
    header = lines[0].lstrip("# ").split(",")
    servers = [dict(zip(header, line.split(","))) for line in lines[1:] if line.startswith("replicas,")]
    print("haproxy, per replica (the backend's whole run): " + "; ".join(
        f"{sv['svname']}: {sv['econ'] or 0} connection errors, {sv['eresp'] or 0} answers cut off, {sv['wretr'] or 0} retries, "
        f"{sv['wredis'] or 0} sent to another replica, {sv['hrsp_5xx'] or 0} 5xx" for sv in servers))
    print()
print("Failed answers by cause (class: `http_<status>`, or `error_<code>[_<upstreamStatus>]`; `wrong`: a 200 without the data):")
print()
if not any(causes.values()):
    print("- none")
for label, counter in causes.items():
    print(f"- {label}: " + ", ".join(f"{cls} ({who}) {n}" for (who, cls), n in counter.most_common()))
print()
print("Events (seconds from the start of the load): " + ", ".join(f"{name} {t:.1f}" for t, name in events if t >= 0))
print()

# targets
targets = []
seen_failures = [a for a in answers if a[2] in SEEN and failed(a[3])] + [(t, 0, k, "lost", "-", 0) for t, k in lost if k in SEEN]
if seen_failures:  # where to look: which request (line of bench/chaos/requests.tsv), which replica, when
    print("Failed answers for data seen before, by request line and replica (first and last sent, s): "
          + "; ".join(f"line {line} on {replica} {cls}: {n} ({min(ts):.1f}-{max(ts):.1f})" for (line, replica, cls), (n, ts) in sorted(
              {key: (sum(1 for a in seen_failures if (a[5], a[4], a[3]) == key), [a[0] for a in seen_failures if (a[5], a[4], a[3]) == key])
               for key in {(a[5], a[4], a[3]) for a in seen_failures}}.items())))
    print()
targets.append(("zero failed answers for data fetched before (stale answers count)", not seen_failures,
                f"{len(seen_failures)} failed of {sum(1 for a in answers if a[2] in SEEN)}; "
                f"{sum(1 for a in answers if a[3] == 'stale')} stale answers"))
wrong = [a for a in answers if a[2] == "fresh" and failed(a[3]) and code_of(a[3]) not in right_codes(a[0])]
wrong += [(t, 0, k, "lost", "-", 0) for t, k in lost if k == "fresh"]
fresh_failed = sum(1 for a in answers if a[2] == "fresh" and failed(a[3]))
targets.append(("failures only for data never seen, each with the right code", not wrong and not seen_failures,
                f"{fresh_failed} failed answers for data never seen, {len(wrong)} of them with a wrong code or lost"
                + (": " + ", ".join(f"{c} {n}" for c, n in Counter(a[3] for a in wrong).most_common(5)) if wrong else "")))
for t, name in events:
    if name.startswith("term-"):
        n = name.split("-")[1]
        ready = next((u for u, other in events if other == f"ready-{n}" and u > t), end_s)
        window = [a for a in answers if t - 1 <= a[0] <= ready + 5 and (a[3].startswith("http_") or a[3] == "wrong")]
        window_lost = [x for x in lost if t - 1 <= x[0] <= ready + 5]
        targets.append((f"no answer lost to the SIGTERM restart of replica {n}", not window and not window_lost,
                        f"{len(window)} HTTP failures and {len(window_lost)} lost answers between SIGTERM ({t:.0f} s) and 5 s after it was ready again ({ready:.0f} s)"))

rss = []  # (t, [(pid, MiB)] per replica)
for line in (run / "rss.tsv").read_text().splitlines():
    f = line.split("\t")
    rss.append((float(f[0]) - t0, [(f[i], int(f[i + 1] or 0)) for i in range(1, len(f) - 1, 2)]))  # "": the process was exiting
instances = defaultdict(list)  # (replica, pid) -> [(t, MiB)]
for t, per in rss:
    for i, (pid, mib) in enumerate(per):
        if pid != "0" and mib:
            instances[(i + 1, pid)].append((t, mib))
spreads, notes = [], []
for (replica, pid), samples in sorted(instances.items()):
    first = samples[0][0]
    later = [m for t, m in samples if t >= max(first + 60, 60)]
    if len(later) < 5:
        notes.append(f"replica {replica} (pid {pid}): under a minute of samples after its first minute")
        continue
    spread = max(later) / min(later) - 1
    spreads.append(spread)
    notes.append(f"replica {replica} (pid {pid}): {min(later)}-{max(later)} MiB ({100 * spread:.1f} %)")
targets.append(("RSS per replica within 10 % after its first minute", bool(spreads) and max(spreads) <= 0.10, "; ".join(notes)))

outage = [(s, e) for s, e, label, fault in spans if fault == "outage"]
if outage:
    # the first OPENING seconds: the calls under way when Partnero went and those that open each replica's
    # breaker (every attempt, retries included, counts); after them only the breakers' trial calls may
    # go: one per replica per delay, and one more each for the moment the phase began within a delay
    s, e = outage[0]
    # the proxy counts per second of the clock: a second that ends after the phase is partly recovery
    per_second = sorted((int(sec) - t0, n) for sec, n in proxy["per_second"].items() if s - 1 < int(sec) - t0 and int(sec) + 1 - t0 <= e)
    after = sum(n for t, n in per_second if t >= s + OPENING)
    opening = calls.get("outage", 0) - after
    allowance = REPLICAS * (math.ceil((e - s - OPENING) / BREAKER_DELAY) + 1)
    targets.append(("Partnero calls during the outage: none beyond the breakers' trial calls", after <= allowance,
                    f"{calls.get('outage', 0)} calls in {e - s:.0f} s: {opening} in its first {OPENING} s (calls under way, and those that open "
                    f"each replica's breaker), then {after}, allowed {allowance} ({REPLICAS} replicas, one trial call per {BREAKER_DELAY} s); "
                    "calls per second: " + " ".join(f"{t - s:.0f}:{n}" for t, n in per_second)))

print("Targets:")
print()
print("| target | status | measured |")
print("| --- | --- | --- |")
for name, ok, measured in targets:
    print(f"| {name} | {'PASS' if ok else 'MISS'} | {measured} |")
for name, ok, measured in targets:
    print(f"{'PASS' if ok else 'MISS'}: {name}", file=sys.stderr)

# the plot's data
bins = defaultdict(list)
failed_bins, stale_bins = Counter(), Counter()
for sent, latency, kind, cls, replica, _ in answers:
    b = int((sent + latency / 1000) // BIN)
    bins[b].append(latency)
    if failed(cls):
        failed_bins[b] += 1
    if cls == "stale":
        stale_bins[b] += 1
with open(out / "timeline.tsv", "w") as f:
    f.write("# seconds\tanswers/s\tp99 ms\tfailed/s\tstale/s\n")
    for b in sorted(bins):
        if 0 <= b * BIN < spans[-1][1]:
            f.write(f"{b * BIN}\t{len(bins[b]) / BIN:.0f}\t{percentile(bins[b], 99):.1f}\t{failed_bins[b] / BIN:.1f}\t{stale_bins[b] / BIN:.1f}\n")
with open(out / "rss.tsv", "w") as f:
    f.write("# seconds\t" + "\t".join(f"replica {i + 1} MiB" for i in range(REPLICAS)) + "\n")
    for t, per in rss:
        f.write(f"{t:.0f}\t" + "\t".join(str(m) if m else "NaN" for _, m in per) + "\n")
(out / "phases.tsv").write_text("".join(f"{s:.1f}\t{e:.1f}\t{label}\t{fault}\n" for s, e, label, fault in spans))
(out / "events.tsv").write_text("".join(f"{t:.1f}\t{name}\n" for t, name in events if t >= 0))
colors = {"5xx": "#e41a1c", "latency": "#ff7f00", "reset": "#984ea3", "429": "#4daf4a", "outage": "#555555", "mixed": "#a65628"}
with open(out / "shading.gp", "w") as f, open(out / "labels.gp", "w") as labels:
    f.write(f"set xrange [0:{spans[-1][1]:.0f}]\n")
    for i, (s, e, label, fault) in enumerate(spans):
        if fault in colors:
            f.write(f'set object {i + 1} rect from {s:.1f}, graph 0 to {e:.1f}, graph 1 behind fillcolor rgb "{colors[fault]}" fillstyle transparent solid 0.18 noborder\n')
            f.write(f'set label {i + 1} "{fault}" at {(s + e) / 2:.1f}, graph 0.96 center font ",8"\n')
    for j, (t, name) in enumerate(e for e in events if e[0] >= 0 and not e[1].startswith(("ready", "exited"))):
        f.write(f'set arrow {j + 1} from {t:.1f}, graph 0 to {t:.1f}, graph 1 nohead linecolor rgb "#1f78b4" dashtype 2\n')
        labels.write(f'set label {100 + j} "{name}" at {t:.1f}, graph {0.88 - 0.07 * (j % 3):.2f} left offset 0.3,0 font ",7" textcolor rgb "#1f78b4"\n')

#!/usr/bin/env python3
"""Markdown table from JMH JSON results of NormaliseBenchmark (java -jar benchmarks.jar ... -rf json -rff FILE).

    python3 bench/jmh-summary.py jmh-t1.json [jmh-t2.json ...]

Columns: wall-clock ops/s with JMH's 99.9% error, and the secondary result normalise:eventsPerCpuSecond (events per
second of the benchmark threads' own CPU time, summed over threads) as mean +- 99.9% confidence half-width computed
from its per-iteration raw data, like JMH does for the primary score.
"""
import json
import math
import statistics
import sys

# two-sided Student t quantiles for 99.9% confidence, by degrees of freedom (1..30); normal beyond
T999 = [636.62, 31.599, 12.924, 8.610, 6.869, 5.959, 5.408, 5.041, 4.781, 4.587, 4.437, 4.318, 4.221, 4.140, 4.073,
        4.015, 3.965, 3.922, 3.883, 3.850, 3.819, 3.792, 3.768, 3.745, 3.725, 3.707, 3.690, 3.674, 3.659, 3.646]


def ci(values):
    n = len(values)
    if n < 2:
        return statistics.fmean(values), float("nan")
    t = T999[n - 2] if n - 1 <= len(T999) else 3.291
    return statistics.fmean(values), t * statistics.stdev(values) / math.sqrt(n)


def main(paths):
    print("| threads | format | wall ops/s (JMH, ±99.9%) | events per CPU-second (±99.9%) |")
    print("|---|---|---:|---:|")
    for path in paths:
        with open(path) as f:
            results = json.load(f)
        for r in results:
            primary = r["primaryMetric"]
            cpu = r.get("secondaryMetrics", {}).get("eventsPerCpuSecond")
            cpu_text = ""
            if cpu:
                raw = [v for fork in cpu["rawData"] for v in fork]
                mean, err = ci(raw)
                cpu_text = f"{mean:,.0f} ± {err:,.0f}"
            print(f"| {r['threads']} | {r['params']['format']} | {primary['score']:,.0f} ± {primary['scoreError']:,.0f} "
                  f"| {cpu_text} |")


if __name__ == "__main__":
    main(sys.argv[1:])

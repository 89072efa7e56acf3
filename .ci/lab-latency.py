#!/usr/bin/env python3
"""Read pages' latency while a lab job runs (docs/observatory.md, "The policy lab").

Starts `sclab serve RUNS --lab` on a folder holding at least one run, submits a lab job of PEOPLE
people, and while it runs reads the runs list, a run's report and the runs API one request at a
time; prints the median, p99 and max in milliseconds and the job's progress at the end.

Usage: lab-latency.py SCLAB RUNS_FOLDER RUN [--people N] [--requests N] [--port P]
"""
import argparse
import json
import statistics
import subprocess
import time
import urllib.request


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("sclab")
    parser.add_argument("runs")
    parser.add_argument("run")
    parser.add_argument("--people", type=int, default=200000)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--port", type=int, default=18247)
    args = parser.parse_args()
    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen([args.sclab, "serve", args.runs, "--lab", "--port", str(args.port)],
                              stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/api/runs", timeout=2).read()
                break
            except Exception:
                time.sleep(0.2)
        paths = ["/", f"/runs/{args.run}", "/api/runs", f"/api/runs/{args.run}"]
        for path in paths:  # warm: each run is read once
            urllib.request.urlopen(base + path, timeout=120).read()
        body = json.dumps({"scenario": "seed-article", "population": args.people, "years": 3, "seeds": 1}).encode()
        request = urllib.request.Request(base + "/api/lab/jobs", data=body, headers={"Content-Type": "application/json"})
        job = json.load(urllib.request.urlopen(request, timeout=30))
        time.sleep(3)
        times = []
        for i in range(args.requests):
            path = paths[i % len(paths)]
            began = time.perf_counter()
            urllib.request.urlopen(base + path, timeout=30).read()
            times.append((time.perf_counter() - began) * 1000)
        status = json.load(urllib.request.urlopen(f"{base}/api/lab/jobs/{job['id']}", timeout=30))
        times.sort()
        p99 = times[int(len(times) * 0.99) - 1]
        print(f"{len(times)} reads while a {args.people:,}-people job ran ({status['state']}, "
              f"{status['percentText']} at the end): median {statistics.median(times):.1f} ms, "
              f"p99 {p99:.1f} ms, max {times[-1]:.1f} ms")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()

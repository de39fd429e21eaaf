#!/usr/bin/python3
"""measure: run one command of the benchmark under /usr/bin/time -v, within a
time cap and a memory cap, and print one JSON line: status ("ok", "exit N",
"time cap", "memory cap"), wall seconds, CPU seconds (user + system), peak
RSS in KiB (from /usr/bin/time; at a cap, the largest resident size sampled
over the command's process tree), the number of lines it printed and, when
the status is not "ok", a note: the first and the last line the command wrote
to --stderr ("consensus: parse: skipped FILE: REASON ... consensus: parse: 1
input skipped"), each at most 200 characters.

A command over a cap is killed (its whole process group) and reported as such,
so one slow or greedy command does not end the benchmark. Standard library only.

Usage: measure.py --time-cap SEC --mem-cap MIB --stdout FILE [--stderr FILE] -- COMMAND...
"""
import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time


def children_of(pid):
    """Every descendant of pid, found through /proc/*/stat."""
    parent = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % d) as f:
                st = f.read()
        except OSError:
            continue
        # the command name (in brackets) may hold spaces: fields follow the last ')'
        parent[int(d)] = int(st[st.rindex(")") + 2:].split()[1])
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        kids = [c for c, pp in parent.items() if pp == p]
        out += kids
        todo += kids
    return out


def rss_kib(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def parse_time_v(path):
    vals = {}
    with open(path) as f:
        for line in f:
            k, _, v = line.strip().rpartition(": ")
            vals[k] = v
    return (float(vals.get("User time (seconds)", 0)) + float(vals.get("System time (seconds)", 0)),
            int(vals.get("Maximum resident set size (kbytes)", 0)),
            int(vals.get("Exit status", -1)))


def stderr_note(path):
    """The first and the last non-blank line of the file (the first and the
    last 64 KiB of it read), joined by " ... " when they differ, tabs as
    spaces: consensus names its first rejected input first and counts them
    last."""
    if path == os.devnull:
        return ""
    with open(path, "rb") as f:
        head = f.read(65536).decode("utf-8", "replace")
        f.seek(0, os.SEEK_END)
        f.seek(max(0, f.tell() - 65536))
        tail = f.read().decode("utf-8", "replace")
    first = [ln.strip() for ln in head.splitlines() if ln.strip()][:1]
    last = [ln.strip() for ln in tail.splitlines() if ln.strip()][-1:]
    lines = first + [ln for ln in last if ln not in first]
    return " ... ".join(ln.replace("\t", " ")[:200] for ln in lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--time-cap", type=float, required=True)
    ap.add_argument("--mem-cap", type=float, required=True, help="MiB")
    ap.add_argument("--stdout", required=True)
    ap.add_argument("--stderr", default=os.devnull)
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    tfd, tpath = tempfile.mkstemp(prefix="bench-time-")
    os.close(tfd)
    cap_kib = a.mem_cap * 1024
    status, peak_seen = None, 0
    with open(a.stdout, "wb") as out, open(a.stderr, "wb") as err:
        t0 = time.monotonic()
        p = subprocess.Popen(["/usr/bin/time", "-v", "-o", tpath] + cmd, stdout=out, stderr=err,
                             start_new_session=True)
        delay = 0.05
        while p.poll() is None:
            time.sleep(delay)
            delay = min(delay * 1.5, 0.5)
            elapsed = time.monotonic() - t0
            rss = sum(rss_kib(c) for c in children_of(p.pid))
            peak_seen = max(peak_seen, rss)
            if elapsed > a.time_cap:
                status = "time cap"
            elif rss > cap_kib:
                status = "memory cap"
            if status:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()
                break
        wall = time.monotonic() - t0
    lines = 0
    with open(a.stdout, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            lines += chunk.count(b"\n")
    cpu, peak, code = 0.0, peak_seen, p.returncode
    if status is None:
        cpu, peak, code = parse_time_v(tpath)
        status = "ok" if code == 0 else "exit %d" % code
    os.unlink(tpath)
    note = stderr_note(a.stderr) if status != "ok" else ""
    json.dump({"status": status, "wall": round(wall, 3), "cpu": round(cpu, 3),
               "rss_kib": peak, "lines": lines, "note": note}, sys.stdout)
    print()


if __name__ == "__main__":
    main()

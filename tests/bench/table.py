#!/usr/bin/python3
"""table: the Markdown table of tests/bench/run.sh from its raw results.

RESULTS holds one tab-separated line a command: size (MB), label, input bytes,
status, wall seconds, CPU seconds, peak RSS (KiB), lines printed, runs and
(optional) a note, the first and last lines of its stderr when the status is
not "ok".
A command killed at a cap has no figures; one that ran to its end with a
non-zero exit status (consensus exits 1 when it rejected some input and read
the rest) keeps them, its row marked with the status and a numbered note
under the table.
ANSWERS holds "size<TAB>answers generated" a line. Throughputs are given per
wall-clock second and, in brackets, per CPU second (user + system): on a
machine shared with other work the CPU figure is the steadier one, and the
ratios to `classify` are taken from it. Standard library only.

Usage: table.py RESULTS ANSWERS COMMIT DIRTY JOBS RUNS SEED TIME_CAP MEM_CAP CORES LOAD
"""
import sys

CONSENSUS = {"parse", "classify", "analyze --no-html", "analyze"}


def completed(status):
    """The command ran to its end (any exit status), not killed at a cap."""
    return "cap" not in status


def main():
    res, ans_f, commit, dirty, jobs, runs, seed, tcap, mcap, cores, load = sys.argv[1:12]
    gen = dict(line.split("\t") for line in open(ans_f).read().split("\n") if line)
    rows = [line.rstrip("\n").split("\t") for line in open(res) if line.strip()]
    rows = [r + [""] * (10 - len(r)) for r in rows]  # results kept before notes
    parsed = {r[0]: int(r[7]) for r in rows if r[1] == "parse" and completed(r[3])}
    print("| size | command | time (CPU) | MB/s (per CPU s) | answers/s (per CPU s) "
          "| peak RSS | answers per CPU s vs `classify` |")
    print("|---|---|---|---|---|---|---|")
    per_cpu = {}
    notes = []
    for size, label, nbytes, status, wall, cpu, rss, lines, _n, note in rows:
        wall, cpu, nbytes = float(wall), float(cpu), int(nbytes)
        answers = parsed.get(size) if label in CONSENSUS else int(gen[size])
        ref = ""  # the number of its note under the table
        if status != "ok":
            notes.append("%s MB, %s: %s%s" % (size, label, status, ": " + note if note else ""))
            ref = " [%d]" % len(notes)
        if not completed(status):
            cells = ["**%s** (killed after %.0f s at %.0f MiB)%s"
                     % (status, wall, int(rss) / 1024, ref), "-", "-", "-"]
        else:
            cpu = max(cpu, 0.01)  # /usr/bin/time counts in hundredths
            per_cpu[(size, label)] = answers / cpu if answers else None
            cells = ["%.2f s (%.2f s)" % (wall, cpu),
                     "%.1f (%.1f)" % (nbytes / 1e6 / wall, nbytes / 1e6 / cpu),
                     "{:,.0f} ({:,.0f})".format(answers / wall, answers / cpu) if answers else "-",
                     "{:,.0f} MiB".format(int(rss) / 1024)]
        base, mine = per_cpu.get((size, "classify")), per_cpu.get((size, label))
        ratio = "%.2fx" % (mine / base) if base and mine and label not in CONSENSUS else "-"
        name = "`%s`" % label if label in CONSENSUS or label.startswith("grep") else label
        if completed(status) and status != "ok":
            name += " **%s**%s" % (status, ref)
        print("| %s MB | %s | %s | %s |" % (size, name, " | ".join(cells), ratio))
    print()
    for i, n in enumerate(notes, 1):
        print("[%d] %s" % (i, n) + ("  " if i < len(notes) else ""))
    if notes:
        print()
    many = runs != "1"
    print("(commit `%s`%s; `--jobs %s`; %s run%s of each command%s; seed %s; caps %s s and %s MiB "
          "a command; %s cores, load average %s at the end. Time: wall clock (user + system CPU). "
          "MB/s: of the pages for `consensus`, of the answer text (one answer a line) for the "
          "other tools. Answers: those `parse` read for `consensus`, the lines for the others.)"
          % (commit, " plus %s uncommitted changes to tracked files" % dirty if dirty != "0" else "",
             jobs, runs, "s" if many else "", " (the median by wall time)" if many else "", seed,
             tcap, mcap, cores, load))


if __name__ == "__main__":
    main()

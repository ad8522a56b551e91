"""Runs a command and reports, as JSON on the last line of the file named first, what the
kernel measured for it: wall time from spawn to reap, user and system CPU time, max RSS.
Used by bench/whole-process.js; Python because wait4() gives the child's own rusage with
microsecond resolution (GNU time rounds CPU time to 10 ms)."""
import json
import os
import sys
import time

out_file, argv = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.posix_spawn(argv[0], argv, os.environ)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
with open(out_file, "w") as f:
    json.dump(
        {
            "wall_ms": wall * 1000,
            "user_ms": usage.ru_utime * 1000,
            "sys_ms": usage.ru_stime * 1000,
            "maxrss_kib": usage.ru_maxrss,
            "code": os.waitstatus_to_exitcode(status),
        },
        f,
    )

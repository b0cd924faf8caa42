"""Running untrusted work (decoding an uploaded image, reading a PDF) in a child process with bounded memory,
CPU time and priority.

Decoding costs memory in proportion to what a file describes, not its size: a 131 KB PNG can decode to hundreds
of megabytes. Done inside a web worker, a few such files would exhaust the server. In a child process the kernel
enforces the limits (RLIMIT_AS, RLIMIT_CPU), a wall-clock timeout ends it, and a raised nice value lets visitors'
requests go first. The worker thread only waits (no GIL held) meanwhile."""

import os
import resource
import subprocess
import sys

from django.conf import settings


def run_bounded(module, data, memory_mb, cpu_seconds, args=()):
    """`python -m module *args` with `data` on stdin, limited to `memory_mb` and `cpu_seconds` (wall clock: twice
    that). Returns the CompletedProcess; raises subprocess.TimeoutExpired when the wall clock runs out."""

    def limit_child():  # runs in the child between fork and exec
        memory = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
        os.nice(10)

    project_root = str(settings.BASE_DIR)
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        input=data,
        capture_output=True,
        cwd=project_root,
        timeout=cpu_seconds * 2,
        preexec_fn=limit_child,
        env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": project_root},
    )

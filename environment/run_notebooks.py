#!/usr/bin/env python3
"""Execute notebooks headlessly with nbclient and the flatline kernel.

For each notebook: run every cell (any cell error fails the notebook), save the executed copy and
an offline HTML export under the output folder, and print one line:
name, status, seconds, peak resident memory of the kernel process in MB.
Exit status 1 if any notebook failed, 2 for bad usage.

Used by `./flatline run` and by the notebook tests.
"""
import argparse
import atexit
import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

HERE = Path(__file__).resolve().parent


def peak_resident_mb(pid):
    """The kernel process's high-water mark of resident memory (VmHWM), in MB; None if unknown."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        return None
    return None


def kernel_pid(client):
    provisioner = getattr(client.km, "provisioner", None)
    process = getattr(provisioner, "process", None) if provisioner else None
    return getattr(process, "pid", None)


def export_html(notebook, html_path):
    from nbconvert import HTMLExporter
    exporter = HTMLExporter(extra_template_basedirs=[str(HERE / "nbconvert")],
                            template_name="flatline_offline")
    body, _ = exporter.from_notebook_node(notebook)
    write_atomically(html_path, body)


def write_atomically(path, text):
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def describe_failure(error):
    if isinstance(error, CellExecutionError):
        # nbclient's message already holds the cell source and the kernel's traceback text.
        return str(error).strip()
    if isinstance(error, CellTimeoutError):
        return f"a cell ran past the time limit: {error}"
    if isinstance(error, DeadKernelError):
        return f"the kernel died: {error}"
    return f"{type(error).__name__}: {error}"


def run_one(path, out_dir, kernel_name, timeout):
    notebook = nbformat.read(str(path), as_version=4)
    client = NotebookClient(notebook, kernel_name=kernel_name, timeout=timeout,
                            shutdown_kernel="immediate",
                            resources={"metadata": {"path": str(path.parent)}})
    peak = {"mb": None}

    def remember_peak(**_):
        pid = kernel_pid(client)
        if pid is not None:
            mb = peak_resident_mb(pid)
            if mb is not None:
                peak["mb"] = max(mb, peak["mb"] or 0.0)

    client.on_cell_complete = remember_peak
    started = time.monotonic()
    error = None
    try:
        client.execute()
    except Exception as e:  # any failure of this notebook is reported, the others still run
        error = e
    finally:
        # nbclient registers a clean-up at exit that fails noisily when the kernel never started;
        # the kernel is already shut down (or was never up) by now.
        atexit.unregister(client._cleanup_kernel)
    seconds = time.monotonic() - started

    out_dir.mkdir(parents=True, exist_ok=True)
    executed = out_dir / path.name
    write_atomically(executed, nbformat.writes(notebook))
    try:
        export_html(notebook, out_dir / (path.stem + ".html"))
    except Exception as e:
        if error is None:
            error = e
    return error, seconds, peak["mb"]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path, help="notebook files (.ipynb)")
    parser.add_argument("--out", type=Path, default=Path("build/notebooks"),
                        help="folder for executed copies and HTML exports (default: build/notebooks)")
    parser.add_argument("--kernel", default="flatline", help="kernel name (default: flatline)")
    parser.add_argument("--timeout", type=int, default=900, help="seconds allowed per cell (default: 900)")
    args = parser.parse_args(argv)

    missing = [str(p) for p in args.notebooks if not p.is_file()]
    if missing:
        print("run_notebooks: no such notebook: " + ", ".join(missing), file=sys.stderr)
        return 2

    failures = 0
    width = max(len(p.name) for p in args.notebooks)
    for path in args.notebooks:
        error, seconds, peak_mb = run_one(path, args.out, args.kernel, args.timeout)
        status = "passed" if error is None else "FAILED"
        memory = f"{peak_mb:7.0f} MB" if peak_mb is not None else "      ? MB"
        print(f"{path.name:<{width}}  {status}  {seconds:7.1f} s  {memory}", flush=True)
        if error is not None:
            failures += 1
            print("    " + describe_failure(error).replace("\n", "\n    "), file=sys.stderr, flush=True)
    print(f"{len(args.notebooks) - failures} passed, {failures} failed", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Run notebooks exactly as `./flatline run` does, and also record what the kernel sent.

Loads environment/run_notebooks.py (the code behind `./flatline run`) and runs its main() with the
same arguments, so the executed copies and HTML exports in --out are the ones a user gets. On top,
every output message of every code cell (display_data, update_display_data, execute_result,
stream, error, clear_output; header and content as the kernel sent them) is written in order to
OUT/<notebook>.messages.json, for a test that replays a running notebook in a front end.
Exit status as run_notebooks.py's.
"""
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
RECORDED = {"display_data", "update_display_data", "execute_result", "stream", "error", "clear_output"}


def load_runner():
    path = ROOT / "environment" / "run_notebooks.py"
    spec = importlib.util.spec_from_file_location("run_notebooks", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name in ("NotebookClient", "run_one", "main"):
        if not hasattr(module, name):
            sys.exit(f"record_notebooks: {path} has no {name}; update this recorder to match it")
    return module


def main(argv):
    runner = load_runner()
    cells = {}

    class RecordingClient(runner.NotebookClient):
        def process_message(self, msg, cell, cell_index):
            if msg["msg_type"] in RECORDED:
                cells.setdefault(cell_index, []).append(
                    {"header": {"msg_type": msg["msg_type"]}, "content": msg["content"]})
            return super().process_message(msg, cell, cell_index)

    run_one = runner.run_one

    def recording_run_one(path, out_dir, *args, **kwargs):
        cells.clear()
        try:
            return run_one(path, out_dir, *args, **kwargs)
        finally:
            recording = {"notebook": path.name,
                         "cells": [{"index": i, "messages": cells[i]} for i in sorted(cells)]}
            out_dir.mkdir(parents=True, exist_ok=True)
            target = out_dir / (path.stem + ".messages.json")
            runner.write_atomically(target, json.dumps(recording))

    runner.NotebookClient = RecordingClient
    runner.run_one = recording_run_one
    return runner.main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

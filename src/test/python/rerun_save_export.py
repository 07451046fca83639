#!/usr/bin/env python3
"""Execute a notebook with nbclient as a learner does in a front end, then save, reload and export it.

Runs every cell in one kernel session, then runs again the cells given with --rerun (in that
order, in the same session, each cleared first as a front end does), saves the notebook, reads it
back from disk and writes the HTML export with flatline's offline template: the path a saved and
reloaded notebook takes. Prints the saved file's size. Exit status 1 on a cell error.
"""
import argparse
import atexit
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "environment"))
from run_notebooks import export_html  # noqa: E402  (the same export as ./flatline run)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook", type=Path)
    parser.add_argument("--out", type=Path, required=True, help="folder for the saved .ipynb and .html")
    parser.add_argument("--rerun", type=int, nargs="*", default=[], help="code cell positions (0-based) to run again")
    parser.add_argument("--kernel", default="flatline")
    args = parser.parse_args(argv)

    notebook = nbformat.read(str(args.notebook), as_version=4)
    client = NotebookClient(notebook, kernel_name=args.kernel, timeout=600, shutdown_kernel="immediate",
                            resources={"metadata": {"path": str(args.notebook.parent)}})
    code_cells = [i for i, c in enumerate(notebook.cells) if c.cell_type == "code"]
    try:
        with client.setup_kernel():
            for index, cell in enumerate(notebook.cells):
                client.execute_cell(cell, index)
            for position in args.rerun:
                index = code_cells[position]
                client.execute_cell(notebook.cells[index], index)
    finally:
        atexit.unregister(client._cleanup_kernel)

    args.out.mkdir(parents=True, exist_ok=True)
    saved = args.out / args.notebook.name
    nbformat.write(notebook, str(saved))
    reloaded = nbformat.read(str(saved), as_version=4)
    export_html(reloaded, args.out / (args.notebook.stem + ".html"))
    print(f"saved {saved.name}: {saved.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Runs notebooks in a real JJava kernel as the README tells JJava users, and reports what they show.

Usage: JUPYTER_PATH=<dir with kernels/jjava> /usr/bin/python3 run_jjava_notebooks.py \
           --first-cell FILE --out DIR NOTEBOOK...

Each notebook gets the README's cell (FILE: the %classpath and %load lines) in front, runs in the
kernel named "jjava" with nbclient (a cell error does not stop the notebook, so every error is
counted), and is saved to DIR. Per notebook one line is printed:

  NOTEBOOK name seconds=S errors=E charts=C tables=T evaluations=V reports=R live=L stray=N

charts: outputs with flatline's chart HTML and Plotly's figure as a JSON object; tables: Tablesaw
tables as flatline's HTML; evaluations: Tribuo evaluations or confusion matrices as HTML; reports:
checkup reports as HTML; live: display updates in place (the live training display); stray: results
that show an object's identity (java.io.PrintStream@1b2c3d and the like) instead of its content.
Then lines "ERROR name: ..." (the first line of each failed cell's error) and "STRAY name: ...".
JJavaNotebooksIT reads these lines; the exit status is 0 unless the runner itself failed.
"""
import argparse
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

KERNEL = "jjava"
PLOTLY = "application/vnd.plotly.v1+json"
# What a value shows when nothing renders it: Object.toString's class@hash.
IDENTITY = re.compile(r"^\s*[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+@[0-9a-f]+\s*$")


class CountingClient(NotebookClient):
    """nbclient, counting the display updates (update_display_data) the kernel sends."""

    updates = 0

    def process_message(self, msg, cell, cell_index):
        if msg.get("msg_type") == "update_display_data":
            self.updates += 1
        return super().process_message(msg, cell, cell_index)


def kind_of(output):
    data = output.get("data", {})
    html = data.get("text/html", "")
    if 'class="flatline-chart' in html and isinstance(data.get(PLOTLY), dict) and data[PLOTLY].get("data"):
        return "charts"
    if "flatline-metrics" in html or "flatline-confusion" in html:
        return "evaluations"
    if "<h2>Checks</h2>" in html:
        return "reports"
    if 'class="flatline-table"' in html:
        return "tables"
    return None


def summarize(name, nb, seconds, updates):
    counts = {"charts": 0, "tables": 0, "evaluations": 0, "reports": 0}
    errors, strays = [], []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            kind = output.get("output_type")
            if kind == "error":
                errors.append(f"{output.get('ename')}: {output.get('evalue', '')}".splitlines()[0][:300])
            elif kind in ("execute_result", "display_data"):
                rich = kind_of(output)
                if rich:
                    counts[rich] += 1
                text = output.get("data", {}).get("text/plain", "")
                text = "".join(text) if isinstance(text, list) else text
                if IDENTITY.match(text):
                    strays.append(text.strip())
    print(f"NOTEBOOK {name} seconds={seconds:.1f} errors={len(errors)} charts={counts['charts']} "
          f"tables={counts['tables']} evaluations={counts['evaluations']} reports={counts['reports']} "
          f"live={updates} stray={len(strays)}", flush=True)
    for error in errors:
        print(f"ERROR {name}: {error}", flush=True)
    for stray in strays:
        print(f"STRAY {name}: {stray}", flush=True)


def run(path, first_cell, out, timeout):
    nb = nbformat.read(str(path), as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(first_cell))
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Java (jjava)", "language": "java"}
    client = CountingClient(nb, kernel_name=KERNEL, timeout=timeout, allow_errors=True,
                            shutdown_kernel="immediate", resources={"metadata": {"path": str(path.parent)}})
    started = time.monotonic()
    client.execute()
    seconds = time.monotonic() - started
    out.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(out / path.name))
    summarize(path.name, nb, seconds, client.updates)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--first-cell", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell")
    args = parser.parse_args()
    first_cell = args.first_cell.read_text(encoding="utf-8")
    for path in args.notebooks:
        run(path, first_cell, args.out, args.timeout)
    return 0


if __name__ == "__main__":
    sys.exit(main())

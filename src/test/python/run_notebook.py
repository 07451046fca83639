"""Runs the flatline kernel through Jupyter's own clients and checks what a notebook sees.

Usage: JUPYTER_PATH=<dir with kernels/flatline> /usr/bin/python3 run_notebook.py <smoke.ipynb>
Prints STARTUP_SECONDS=<s> (kernel launch to the first kernel_info reply) and exits non-zero on
any failed check. NotebookIT runs it in `mvn verify`.
"""
import sys
import time

import nbformat
from jupyter_client.manager import start_new_kernel
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

KERNEL = "flatline"


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def measure_startup_and_interrupt():
    started = time.monotonic()
    km, kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=120)
    ready = time.monotonic()
    print(f"STARTUP_SECONDS={ready - started:.2f}")
    try:
        # Interrupt a busy loop: the kernel must answer with an error and keep running.
        msg_id = kc.execute("long spins = 0;\nwhile (spins >= 0) { spins++; }")
        time.sleep(3)
        km.interrupt_kernel()
        reply = kc.get_shell_msg(timeout=60)
        while reply["parent_header"].get("msg_id") != msg_id:  # skip wait_for_ready's kernel_info replies
            reply = kc.get_shell_msg(timeout=60)
        content = reply["content"]
        print("interrupt reply:", content.get("status"), content.get("evalue"))
        check(content["status"] == "error", "an interrupted cell must fail: " + str(content))
        check("Interrupted" in content.get("evalue", ""), "interrupt message missing: " + str(content))
        alive = kc.execute_interactive("6 * 7", timeout=60)
        check(alive["content"]["status"] == "ok", "kernel did not survive the interrupt: " + str(alive))
        print("interrupt: ok")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def outputs_of(nb, tag):
    for cell in nb.cells:
        if tag in cell.get("metadata", {}).get("tags", []):
            return cell.get("outputs", [])
    raise AssertionError("no cell tagged " + tag)


def data_of(outputs, mime):
    for output in outputs:
        if mime in output.get("data", {}):
            return output["data"][mime]
    raise AssertionError(f"no {mime} output in {outputs}")


def run_smoke_notebook(path):
    nb = nbformat.read(path, as_version=4)
    started = time.monotonic()
    NotebookClient(nb, kernel_name=KERNEL, timeout=300, shutdown_kernel="immediate").execute()
    print(f"NOTEBOOK_SECONDS={time.monotonic() - started:.2f}")

    table = outputs_of(nb, "table")
    html = data_of(table, "text/html")
    check("2 rows × 2 columns" in html, "table shape line missing: " + html)
    check("&lt;b&gt;pear&lt;/b&gt;" in html, "table values must be escaped: " + html)
    print("table: ok")

    chart = outputs_of(nb, "chart")
    chart_html = data_of(chart, "text/html")
    check("flatlinePlotly" in chart_html, "the first chart must bring the plotly.js loader")
    figure = data_of(chart, "application/vnd.plotly.v1+json")
    check(isinstance(figure, dict) and figure["data"][0]["type"] == "bar", "plotly JSON must be an object: " + str(figure)[:200])
    second = data_of(outputs_of(nb, "chart2"), "text/html")
    check("flatlinePlotly = Promise" not in second, "plotly.js must be sent with the first chart only")
    print("chart: ok")

    nd4j = data_of(outputs_of(nb, "nd4j"), "text/plain")
    check(nd4j.strip() == "6.0", "ND4J sum expected 6.0, got " + nd4j)
    print("nd4j: ok")

    updated = outputs_of(nb, "display")
    texts = [o["data"]["text/plain"] for o in updated if "data" in o]
    check(texts == ["second"], "updateDisplay must replace the output in place: " + str(updated))
    print("display/updateDisplay: ok")

    threaded = outputs_of(nb, "thread")
    streams = "".join(o.get("text", "") for o in threaded if o.get("output_type") == "stream")
    check("from a thread" in streams, "output of cell threads must reach the notebook: " + str(threaded))
    check("true" in data_of(threaded, "text/plain"), "NotebookOutput sink must be installed")
    print("threads and sink: ok")

    failing = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("int zero = 0;\nint ratio = 10 / zero;")])
    try:
        NotebookClient(failing, kernel_name=KERNEL, timeout=120, shutdown_kernel="immediate").execute()
        raise AssertionError("a failing cell must raise CellExecutionError")
    except CellExecutionError as error:
        text = str(error)
        print("failed cell message:\n" + text)
        check("ArithmeticException: / by zero" in text, "exception type and message missing")
        check("at line 2: int ratio = 10 / zero;" in text, "the learner's line missing")
        check("jdk.jshell" not in text and "REPL." not in text, "kernel frames must not show")
    print("failing cell: ok")


if __name__ == "__main__":
    measure_startup_and_interrupt()
    run_smoke_notebook(sys.argv[1])
    print("ALL CHECKS PASSED")

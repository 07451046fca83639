"""Classroom faults against the real flatline kernel: each must fail in its own cell, with a message
a learner can act on, and the next cell must work in the same kernel.

Usage: JUPYTER_PATH=<dir with kernels/flatline> /usr/bin/python3 kernel_faults.py
Exits non-zero on any failed check; prints one "<case>: ok" line per case. KernelFaultsIT runs it.
"""
import sys
import time

from jupyter_client.manager import start_new_kernel

KERNEL = "flatline"


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def reply_to(kc, msg_id, timeout):
    deadline = time.monotonic() + timeout
    while True:
        reply = kc.get_shell_msg(timeout=max(1, deadline - time.monotonic()))
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"]


def run(kc, code, timeout=120):
    return reply_to(kc, kc.execute(code), timeout)


def expect_error(kc, case, code, *fragments, timeout=120):
    content = run(kc, code, timeout)
    print(f"{case}: {content.get('status')} {content.get('evalue')}")
    check(content["status"] == "error", f"{case}: the cell must fail, got {content}")
    for fragment in fragments:
        check(fragment in content.get("evalue", ""), f"{case}: '{fragment}' missing from {content}")


def expect_alive(kc, case, km):
    check(km.is_alive(), f"{case}: the kernel process ended")
    started = time.monotonic()
    content = run(kc, "6 * 7", 60)
    check(content["status"] == "ok", f"{case}: the next cell failed: {content}")
    print(f"{case}: ok (next cell answered in {time.monotonic() - started:.2f} s)")


def main():
    km, kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=120)
    try:
        expect_error(kc, "System.exit", "System.out.println(\"bye\");\nSystem.exit(3);",
                     "System.exit would end the kernel; restart it from the menu instead")
        expect_alive(kc, "System.exit", km)

        expect_error(kc, "Runtime.halt", "Runtime.getRuntime().halt(1);", "System.exit would end the kernel")
        expect_alive(kc, "Runtime.halt", km)

        expect_error(kc, "out of memory",
                     "{ var hog = new java.util.ArrayList<long[]>();\n"
                     "  while (true) { hog.add(new long[10_000_000]); } }",
                     "OutOfMemoryError")
        expect_alive(kc, "out of memory", km)

        check(run(kc, "int down(int n) { return down(n + 1) + 1; }")["status"] == "ok", "defining down()")
        expect_error(kc, "stack overflow", "down(0)", "StackOverflowError")
        expect_alive(kc, "stack overflow", km)

        left = run(kc, "var spinner = new Thread(() -> { long n = 0; while (true) { n++; } });\n"
                       "spinner.start();\nspinner.isAlive()")
        check(left["status"] == "ok", f"starting a thread: {left}")
        expect_alive(kc, "thread left running", km)
        still = run(kc, "spinner.isAlive()")
        check(still["status"] == "ok", f"the spinning thread is still there: {still}")

        # A long training (about a thousand seconds), interrupted a few seconds in.
        msg_id = kc.execute("var shuttle = Datasets.shuttle();\n"
                            "var long_ = MlpTrainer.builder().hidden(32, 32).epochs(1000).seed(0).build();\n"
                            "var model = long_.train(shuttle.train());")
        time.sleep(8)
        started = time.monotonic()
        km.interrupt_kernel()
        content = reply_to(kc, msg_id, 60)
        stopped_after = time.monotonic() - started
        print(f"interrupt of a training: {content.get('status')} {content.get('evalue')}"
              f" after {stopped_after:.2f} s")
        # Thread.stop, the last resort that can leave classes half-initialised, would come at 5 s.
        check(stopped_after < 5, f"the training should stop at its next epoch, took {stopped_after:.2f} s")
        check(content["status"] == "error" and "Interrupted" in content.get("evalue", ""),
              f"an interrupted training must fail with 'Interrupted': {content}")
        expect_alive(kc, "interrupt of a training", km)
        again = run(kc, "MlpTrainer.builder().hidden(8).epochs(1).seed(0).build().train(shuttle.train()) != null", 180)
        check(again["status"] == "ok", f"a short training after the interrupt failed: {again}")
        print("training after the interrupt: ok")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    print("ALL FAULT CASES PASSED")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as e:
        print("FAILED:", e)
        sys.exit(1)

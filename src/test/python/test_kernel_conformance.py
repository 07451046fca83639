"""Jupyter's kernel conformance suite (jupyter_kernel_test) for the flatline Java kernel.

Run with the kernelspec on JUPYTER_PATH, e.g.:
    flatline kernel install --jupyter-path target/jupyter-test
    JUPYTER_PATH=target/jupyter-test /usr/bin/python3 -m unittest -v src/test/python/test_kernel_conformance.py
KernelConformanceIT does exactly this in `mvn verify`.
"""
import unittest

import jupyter_kernel_test


class FlatlineKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "flatline"
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'

    completion_samples = [
        {"text": "System.out.printl", "matches": {"println("}},
        {"text": "int unused = 1;\nMath.ab", "matches": {"abs(", "absExact("}},
        {"text": "%clas", "matches": {"%classpath"}},
    ]

    complete_code_samples = ["1 + 1", "int x = 1;", "for (int i = 0; i < 2; i++) { }", ""]
    incomplete_code_samples = ["for (int i = 0; i < 2; i++) {", "String s = \"a\" +", "System.out.println("]
    invalid_code_samples = ["int x = ;)", "}"]

    code_generate_error = 'throw new IllegalStateException("on purpose");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "\"flat\" + \"line\"", "result": "flatline"},
        {"code": "tech.tablesaw.api.Table.create(\"t\")", "mime": "text/html"},
    ]

    code_display_data = [
        {"code": 'display("a text");', "mime": "text/plain"},
        {"code": 'display("<b>bold</b>", "text/html");', "mime": "text/html"},
    ]

    code_inspect_sample = "Math.max"


if __name__ == "__main__":
    unittest.main()

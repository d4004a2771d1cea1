"""The family group conference forms: definitions, rules and rendering, in pure Python.

Nothing here touches the browser, files outside this package, clocks or storage: the shells
(the MkDocs hook at build time, the Web Worker at run time) pass plain data in and get plain
data out.
"""

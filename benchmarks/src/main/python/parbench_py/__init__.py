"""parbench's CPython harness: the course's workloads under threading, multiprocessing, concurrent.futures and
asyncio, timed with warm-up, forks (interpreter processes) and iterations, written as JMH JSON.

Standard library only; Python 3.8 or newer. The launcher (``parbench run --suite python``) runs one fork per
interpreter process with ``python3 -m parbench_py fork ...`` and joins the forks into results.json.
"""

VERSION = "1"

"""Tests of the CPython harness (standard library unittest; run by PythonHarnessTest under mvn verify, or by hand:
python3 -m unittest discover -s benchmarks/src/test/python -t benchmarks/src/test/python with PYTHONPATH set to
benchmarks/src/main/python)."""

import http.server
import json
import os
import signal
import subprocess
import sys
import threading
import time
import unittest

from parbench_py import benchmarks, harness
from parbench_py import workloads as w

MAIN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "main", "python")


class Handler(http.server.BaseHTTPRequestHandler):
    """The loopback server's contract: GET /item/i waits latencyMs, answers responseBytes bytes (http) or the hybrid
    range "lo hi"."""
    protocol_version = "HTTP/1.1"
    width = 1000
    response_bytes = 4096

    def do_GET(self):
        i = int(self.path.rsplit("/", 1)[1])
        time.sleep(0.001)
        if self.server.hybrid:
            lo = w.HYBRID_BASE + i * self.width
            body = ("%d %d" % (lo, lo + self.width)).encode("ascii")
        else:
            body = b"x" * self.response_bytes
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Server:
    def __init__(self, hybrid):
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.hybrid = hybrid
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self):
        return "http://127.0.0.1:%d/" % self.httpd.server_address[1]

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


SIZES = {"primes": 3000, "sumsq": 20000, "sleep": 12, "http": 12, "hybrid": 6, "pickle": 1000}


class EveryStrategyGivesTheSequentialAnswer(unittest.TestCase):

    def run_all(self, workload, url=None):
        answers = {}
        for strategy in benchmarks.CATALOG[workload]:
            if strategy.endswith(("fork", "spawn", "forkserver")) and \
                    strategy.rsplit("-", 1)[-1] not in benchmarks.start_methods():
                continue
            for threads in (1, 3):
                bench = benchmarks.create(workload, strategy, threads, SIZES[workload], {}, url)
                try:
                    answers[(strategy, threads)] = bench.op()
                    self.assertEqual(bench.expected, answers[(strategy, threads)], (workload, strategy, threads))
                finally:
                    bench.close()
        return answers

    def test_primes(self):
        answers = self.run_all("primes")
        self.assertEqual(w.count_primes(w.PRIMES_BASE, w.PRIMES_BASE + SIZES["primes"]), answers[("sequential", 1)])
        self.assertEqual(1, len(set(answers.values())))

    def test_sum_of_squares(self):
        answers = self.run_all("sumsq")
        self.assertEqual(sum(i * i for i in range(SIZES["sumsq"])) & w.MASK64, answers[("sequential", 1)])
        self.assertEqual(1, len(set(answers.values())))

    def test_sleep(self):
        self.assertEqual({12}, set(self.run_all("sleep").values()))

    def test_http(self):
        server = Server(hybrid=False)
        try:
            self.assertEqual({12 * 4096}, set(self.run_all("http", server.url).values()))
        finally:
            server.close()

    def test_hybrid(self):
        server = Server(hybrid=True)
        try:
            answers = self.run_all("hybrid", server.url)
        finally:
            server.close()
        self.assertEqual({w.count_primes(w.HYBRID_BASE, w.HYBRID_BASE + 6 * 1000)}, set(answers.values()))

    def test_threads_started_per_operation_close_their_connections(self):
        server = Server(hybrid=False)
        try:
            bench = benchmarks.create("http", "thread", 8, 16, {}, server.url)
            try:
                for _ in range(3):
                    self.assertEqual(16 * 4096, bench.op())
                self.assertEqual([], bench.client.all, "no connection outlives its thread")
            finally:
                bench.close()
        finally:
            server.close()

    def test_pickle(self):
        self.assertEqual({1000}, set(self.run_all("pickle").values()))

    def test_start_costs_run(self):
        for strategy in benchmarks.CATALOG["start"]:
            if strategy in ("fork", "spawn", "forkserver") and strategy not in benchmarks.start_methods():
                continue
            bench = benchmarks.create("start", strategy, 1, 1, {})
            try:
                self.assertEqual(0, bench.op(), strategy)
            finally:
                bench.close()

    def test_the_answer_checks_are_right(self):
        self.assertEqual(w.count_primes(100000, 130000), w.sieve_count(100000, 130000))
        self.assertEqual(sum(i * i for i in range(12345)) & w.MASK64, w.squares_closed_form(12345))
        self.assertEqual(w.sum_squares(0, 10 ** 7 + 3), w.squares_closed_form(10 ** 7 + 3))  # wraps past 2**64


class TheRace(unittest.TestCase):

    def lost(self, strategy, threads=2, n=300_000):
        old = sys.getswitchinterval()
        sys.setswitchinterval(1e-5)  # many switches, so a window that exists is hit
        try:
            bench = benchmarks.create("counter", strategy, threads, n, {})
            return max(bench.op() for _ in range(3))
        finally:
            sys.setswitchinterval(old)

    def test_a_read_modify_write_with_a_switch_point_loses_updates(self):
        self.assertGreater(self.lost("unlocked-call"), 0)

    def test_the_lock_loses_none(self):
        self.assertEqual(0, self.lost("locked", threads=4))

    def test_one_thread_loses_none(self):
        self.assertEqual(0, self.lost("unlocked-call", threads=1))

    def test_free_threaded_builds_lose_updates_on_the_plain_line(self):
        gil = getattr(sys, "_is_gil_enabled", lambda: True)()
        if gil:
            self.skipTest("a GIL build: `counter += 1` is not atomic, but CPython 3.10+ switches threads only at calls "
                          "and loop back-edges, so the plain line may lose nothing")
        self.assertGreater(self.lost("unlocked"), 0)


class TheForkOutput(unittest.TestCase):

    def test_a_fork_is_a_jmh_result_with_one_raw_data_row(self):
        out = harness.run_fork("primes", "threadpool", 2, 2000, {}, 2, 3, 0.0)
        entry = out["result"][0]
        self.assertEqual("python.primes", entry["benchmark"])
        self.assertEqual("avgt", entry["mode"])
        self.assertEqual({"strategy": "threadpool", "threads": "2", "size": "2000"}, entry["params"])
        self.assertEqual("ms/op", entry["primaryMetric"]["scoreUnit"])
        raw = entry["primaryMetric"]["rawData"]
        self.assertEqual(1, len(raw))
        self.assertEqual(3, len(raw[0]))
        self.assertTrue(all(v > 0 for v in raw[0]))
        self.assertAlmostEqual(sum(raw[0]) / 3, entry["primaryMetric"]["score"])
        self.assertEqual(2, len(out["warmup"]))
        # each measured iteration runs at least one operation, so it lasts at least its score (ms/op)
        self.assertGreaterEqual(out["measuredSeconds"], sum(raw[0]) / 1000)
        json.dumps(out)  # plain JSON

    def test_the_workload_params_are_recorded(self):
        out = harness.run_fork("sleep", "asyncio", 4, 8, {"latencyMs": "2"}, 0, 1, 0.0, prefix="python-ft")
        entry = out["result"][0]
        self.assertEqual("python-ft.sleep", entry["benchmark"])
        self.assertEqual("2", entry["params"]["latencyMs"])

    def test_the_counter_reports_lost_updates_as_a_secondary_metric(self):
        out = harness.run_fork("counter", "locked", 2, 1000, {}, 0, 2, 0.0)
        lost = out["result"][0]["secondaryMetrics"]["lostUpdates"]
        self.assertEqual("updates/op", lost["scoreUnit"])
        self.assertEqual(0.0, lost["score"])

    def test_bad_input_is_one_sentence(self):
        with self.assertRaises(benchmarks.Failure) as e:
            benchmarks.create("primes", "gpu", 1, 10, {})
        self.assertIn("unknown strategy 'gpu' for primes", str(e.exception))
        with self.assertRaises(benchmarks.Failure) as e:
            benchmarks.create("http", "sequential", 1, 10, {}, None)
        self.assertIn("loopback server", str(e.exception))


class Cleanup(unittest.TestCase):

    def children_of(self, pid):
        out = subprocess.run(["ps", "-eo", "pid=,ppid="], capture_output=True, text=True).stdout.split()
        pairs = list(zip(map(int, out[0::2]), map(int, out[1::2])))
        found, frontier = set(), {pid}
        while frontier:
            nxt = {c for c, p in pairs if p in frontier} - found
            found |= nxt
            frontier = nxt
        return found

    def test_sigterm_leaves_no_process(self):
        for strategy in ("process-forkserver", "mp-pool", "process-spawn"):
            env = dict(os.environ, PYTHONPATH=MAIN)
            p = subprocess.Popen([sys.executable, "-m", "parbench_py", "fork", "--workload", "primes", "--strategy",
                                  strategy, "--threads", "2", "--size", "400000", "--iterations", "50"],
                                 env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.time() + 20
            kids = set()
            while time.time() < deadline and len(kids) < 2:
                time.sleep(0.2)
                kids = self.children_of(p.pid)
            self.assertGreaterEqual(len(kids), 2, strategy + ": the pool's workers never started")
            p.send_signal(signal.SIGTERM)
            self.assertEqual(143, p.wait(30), strategy)
            deadline = time.time() + 10
            alive = kids
            while time.time() < deadline and alive:
                time.sleep(0.2)
                alive = {k for k in kids if os.path.exists("/proc/%d" % k) and not zombie(k)}
            self.assertEqual(set(), alive, strategy + ": processes left after SIGTERM")


def zombie(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


if __name__ == "__main__":
    unittest.main()

"""The benchmarks: for each workload, its strategies, each set up once per fork (pools are made before timing, as
a course advises) and run as operations that return an answer the harness checks.

CATALOG is the registry the launcher's plan must agree with (a test compares the two)."""

import asyncio
import concurrent.futures
import multiprocessing
import pickle
import sys
import threading
import urllib.parse

from . import workloads as w

CPU_STRATEGIES = ["sequential", "thread", "threadpool", "asyncio", "mp-pool", "process-fork", "process-spawn",
                  "process-forkserver"]
IO_STRATEGIES = ["sequential", "thread", "threadpool", "asyncio"]

# workload -> strategies, in the order reports list them. `threads` is the workers (CPU), the tasks in flight (I/O),
# the racing threads (counter); start and pickle run at threads = 1.
CATALOG = {
    "primes": CPU_STRATEGIES,
    "sumsq": CPU_STRATEGIES,
    "sleep": IO_STRATEGIES,
    "http": IO_STRATEGIES,
    "hybrid": ["sequential", "threadpool", "hybrid", "asyncio-hybrid"],
    "counter": ["unlocked", "unlocked-call", "locked"],
    "start": ["thread", "fork", "spawn", "forkserver", "pool"],
    "pickle": ["pickle", "threadpool", "process-fork"],
}

# params a workload takes beyond strategy, threads and size, with their defaults
PARAMS = {
    "sleep": {"latencyMs": "1"},
    "http": {"latencyMs": "1", "responseBytes": "4096"},
    "hybrid": {"latencyMs": "2", "width": "1000"},
}

CHUNKS_PER_WORKER = 4  # pools balance an uneven range (primes get dearer along it) with more chunks than workers


class Failure(Exception):
    """A benchmark that cannot run as asked (a start method this platform lacks, a bad param): one sentence."""


def start_methods():
    return multiprocessing.get_all_start_methods()


def context(method):
    if method not in start_methods():
        raise Failure("the start method '%s' is not available here (available: %s)"
                      % (method, ", ".join(start_methods())))
    return multiprocessing.get_context(method)


def shutdown(executor):
    """Ends an executor's workers, cancelling what has not started (Python 3.9+)."""
    try:
        executor.shutdown(wait=True, cancel_futures=True)
    except TypeError:
        executor.shutdown(wait=True)


def worker_init():
    """A pool worker's signals back to the defaults: a forked worker inherits the harness's SIGTERM handler, and
    Pool.terminate() would then print a traceback instead of ending it quietly."""
    import signal
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the harness's to handle: it closes the pool


def process_pool(workers, method):
    return concurrent.futures.ProcessPoolExecutor(workers, mp_context=context(method), initializer=worker_init)


def warm(executor, workers):
    """Starts every worker of a pool before timing: a course's pool is made once and reused."""
    list(executor.map(w.noop, range(workers * 2)))


class Bench:
    """One benchmark in one fork: setup once, then op() any number of times, then close()."""

    expected = None
    res = None

    def op(self):
        raise NotImplementedError

    def close(self):
        self.res.close()


class Resources:
    """Pools and loops a benchmark made, closed in reverse order whatever happens."""

    def __init__(self):
        self.items = []

    def add(self, closer):
        self.items.append(closer)

    def close(self):
        while self.items:
            closer = self.items.pop()
            try:
                closer()
            except Exception:  # closing must go on
                pass


class CpuBench(Bench):
    """primes or sumsq over [lo, hi) under one strategy with `threads` workers."""

    def __init__(self, res, workload, strategy, threads, size):
        self.res = res
        if workload == "primes":
            lo, hi = w.PRIMES_BASE, w.PRIMES_BASE + size
            self.fn, self.ranged, self.combine = w.count_primes, w.count_primes_range, sum
            self.expected = w.sieve_count(lo, hi)
        else:
            lo, hi = 0, size
            self.fn, self.ranged = w.sum_squares, w.sum_squares_range
            self.combine = lambda parts: sum(parts) & w.MASK64
            self.expected = w.squares_closed_form(size)
        self.lo, self.hi, self.threads, self.strategy = lo, hi, threads, strategy
        self.parts = w.chunks(lo, hi, 1 if strategy == "sequential" else threads * CHUNKS_PER_WORKER)
        if strategy == "threadpool":
            self.pool = concurrent.futures.ThreadPoolExecutor(threads)
            self.res.add(lambda: shutdown(self.pool))
        elif strategy == "asyncio":
            self.loop = asyncio.new_event_loop()
            self.executor = concurrent.futures.ThreadPoolExecutor(threads)  # what asyncio.to_thread would use
            self.loop.set_default_executor(self.executor)
            self.res.add(self.loop.close)
            self.res.add(lambda: shutdown(self.executor))
        elif strategy == "mp-pool":
            self.mp = multiprocessing.Pool(threads, initializer=worker_init)
            self.res.add(self.mp.join)
            self.res.add(self.mp.close)
            self.mp.map(w.noop, range(threads * 2))
        elif strategy.startswith("process-"):
            self.pool = process_pool(threads, strategy[len("process-"):])
            self.res.add(lambda: shutdown(self.pool))
            warm(self.pool, threads)
        elif strategy not in ("sequential", "thread"):
            raise Failure("unknown strategy '%s' for %s" % (strategy, workload))

    def op(self):
        s = self.strategy
        if s == "sequential":
            return self.fn(self.lo, self.hi)
        if s == "thread":
            # one threading.Thread per worker, started and joined in every operation; worker k takes every
            # threads-th chunk, so each gets a share of the dear end of the range
            results = [0] * self.threads
            def work(k):
                results[k] = self.combine(self.ranged(c) for c in self.parts[k::self.threads])
            ts = [threading.Thread(target=work, args=(k,)) for k in range(self.threads)]
            for t in ts:
                t.start()
            for t in ts:
                t.join()
            return self.combine(results)
        if s == "threadpool" or s.startswith("process-"):
            return self.combine(self.pool.map(self.ranged, self.parts))
        if s == "mp-pool":
            return self.combine(self.mp.map(self.ranged, self.parts, chunksize=1))
        # asyncio: the blocking work goes to threads (asyncio.to_thread, or run_in_executor before 3.9)
        async def main():
            loop = asyncio.get_running_loop()
            return await asyncio.gather(*(loop.run_in_executor(None, self.ranged, c) for c in self.parts))
        return self.combine(self.loop.run_until_complete(main()))


def run_in_flight(fn, items, threads, after=None):
    """Runs fn over items on `threads` threading.Threads started for this operation (each takes every threads-th
    item): the tasks in flight are the threads. `after` runs at the end of each thread (to close what it opened)."""
    results = [0] * threads
    def work(k):
        try:
            results[k] = sum(fn(x) for x in items[k::threads])
        finally:
            if after is not None:
                after()
    ts = [threading.Thread(target=work, args=(k,)) for k in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return sum(results)


class SleepBench(Bench):
    """`size` tasks that each wait latencyMs, `threads` of them in flight."""

    def __init__(self, res, strategy, threads, size, params):
        self.res = res
        self.strategy, self.threads, self.size = strategy, threads, size
        self.seconds = float(params.get("latencyMs", "1")) / 1000
        self.expected = size
        if strategy == "threadpool":
            self.pool = concurrent.futures.ThreadPoolExecutor(threads)
            self.res.add(lambda: shutdown(self.pool))
            warm(self.pool, threads)
        elif strategy == "asyncio":
            self.loop = asyncio.new_event_loop()
            self.res.add(self.loop.close)

    def op(self):
        s, n = self.strategy, self.size
        if s == "sequential":
            return sum(w.sleep_task(self.seconds) for _ in range(n))
        if s == "thread":
            return run_in_flight(w.sleep_task, [self.seconds] * n, self.threads)
        if s == "threadpool":
            return sum(self.pool.map(w.sleep_task, [self.seconds] * n))
        async def main():
            gate = asyncio.Semaphore(self.threads)
            async def task():
                async with gate:
                    await asyncio.sleep(self.seconds)
                    return 1
            return sum(await asyncio.gather(*(task() for _ in range(n))))
        return self.loop.run_until_complete(main())


def server_address(url):
    if not url:
        raise Failure("this benchmark needs the loopback server's address (--url http://127.0.0.1:PORT/)")
    u = urllib.parse.urlsplit(url)
    if u.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise Failure("the server must be on the loopback interface, not %s" % u.hostname)
    return u.hostname, u.port


class HttpBench(Bench):
    """`size` GETs of /item/i from the loopback server, `threads` in flight; the answer is the bytes received."""

    def __init__(self, res, strategy, threads, size, params, url):
        self.res = res
        self.strategy, self.threads, self.size = strategy, threads, size
        self.host, self.port = server_address(url)
        self.expected = size * int(params.get("responseBytes", "4096"))
        self.client = w.HttpClient(self.host, self.port)
        self.res.add(self.client.close)
        if strategy == "threadpool":
            self.pool = concurrent.futures.ThreadPoolExecutor(threads)
            self.res.add(lambda: shutdown(self.pool))
        elif strategy == "asyncio":
            self.loop = asyncio.new_event_loop()
            self.res.add(self.loop.close)
            self.streams = []
            self.res.add(self.close_streams)

    def fetch(self, i):
        return len(self.client.get("/item/%d" % i))

    def close_streams(self):
        async def close_all():
            for _, writer in self.streams:
                writer.close()
                try:
                    await writer.wait_closed()
                except OSError:
                    pass
        if self.streams:
            self.loop.run_until_complete(close_all())
        self.streams = []

    def op(self):
        s, n = self.strategy, self.size
        if s == "sequential":
            return sum(self.fetch(i) for i in range(n))
        if s == "thread":
            # each thread's connection is closed when the thread ends: it dies with its thread
            return run_in_flight(self.fetch, list(range(n)), self.threads, self.client.release)
        if s == "threadpool":
            return sum(self.pool.map(self.fetch, range(n)))
        return self.loop.run_until_complete(self.async_op(n))

    async def async_op(self, n):
        # `threads` coroutines, each with its own kept-alive connection, take the items in turn: the loop's
        # connections are the tasks in flight
        while len(self.streams) < self.threads:
            self.streams.append(await asyncio.open_connection(self.host, self.port))
        queue = list(range(n))
        queue.reverse()
        async def worker(stream):
            reader, writer = stream
            got = 0
            while queue:
                i = queue.pop()
                got += len(await w.async_get(reader, writer, self.host, "/item/%d" % i))
            return got
        return sum(await asyncio.gather(*(worker(st) for st in self.streams[:self.threads])))


class HybridBench(HttpBench):
    """`size` ranges fetched from the loopback server (I/O, `threads` in flight), the primes in each counted (CPU):
    threads for both, a thread pool for I/O with a process pool of one worker per core for CPU (hybrid), or asyncio
    fetching with that process pool counting."""

    def __init__(self, res, strategy, threads, size, params, url):
        width = int(params.get("width", "1000"))
        super().__init__(res, "threadpool" if strategy == "hybrid" else "asyncio" if strategy == "asyncio-hybrid"
                         else strategy, threads, size, params, url)
        self.strategy = strategy
        self.expected = w.sieve_count(w.HYBRID_BASE, w.HYBRID_BASE + size * width)
        if strategy in ("hybrid", "asyncio-hybrid"):
            # `threads` is the fetches in flight; the counting gets one process per core, as CPU work wants
            cores = multiprocessing.cpu_count()
            self.cpu = process_pool(cores, "fork" if "fork" in start_methods() else "spawn")
            self.res.add(lambda: shutdown(self.cpu))
            warm(self.cpu, cores)
        elif strategy not in ("sequential", "threadpool"):
            raise Failure("unknown strategy '%s' for hybrid" % strategy)

    def item(self, i):
        return w.count_primes_range(w.parse_range(self.client.get("/item/%d" % i)))

    def op(self):
        s, n = self.strategy, self.size
        if s == "sequential":
            return sum(self.item(i) for i in range(n))
        if s == "threadpool":
            return sum(self.pool.map(self.item, range(n)))
        if s == "hybrid":
            # threads fetch; each fetched range goes to the process pool at once; the answers are gathered at the end
            futures = self.pool.map(lambda i: self.cpu.submit(w.count_primes_range,
                                                              w.parse_range(self.client.get("/item/%d" % i))), range(n))
            return sum(f.result() for f in list(futures))
        return self.loop.run_until_complete(self.async_hybrid(n))

    async def async_hybrid(self, n):
        while len(self.streams) < self.threads:
            self.streams.append(await asyncio.open_connection(self.host, self.port))
        loop = asyncio.get_running_loop()
        queue = list(range(n))
        queue.reverse()
        async def worker(stream):
            reader, writer = stream
            pending = []
            while queue:
                i = queue.pop()
                body = await w.async_get(reader, writer, self.host, "/item/%d" % i)
                pending.append(loop.run_in_executor(self.cpu, w.count_primes_range, w.parse_range(body)))
            return sum(await asyncio.gather(*pending))
        return sum(await asyncio.gather(*(worker(st) for st in self.streams[:self.threads])))


class CounterBench(Bench):
    """`threads` threads each add 1 to a shared global `size` times; the answer is the updates lost."""

    def __init__(self, res, strategy, threads, size):
        self.res = res
        if strategy not in CATALOG["counter"]:
            raise Failure("unknown strategy '%s' for counter" % strategy)
        self.strategy, self.threads, self.size = strategy, threads, size
        self.expected = None  # losing updates is the finding, not a failure
        self.lost = []

    def op(self):
        w.counter = 0
        lock = threading.Lock()
        if self.strategy == "locked":
            target, args = w.add_locked, (self.size, lock)
        elif self.strategy == "unlocked-call":
            target, args = w.add_unlocked_call, (self.size,)
        else:
            target, args = w.add_unlocked, (self.size,)
        ts = [threading.Thread(target=target, args=args) for _ in range(self.threads)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        lost = self.threads * self.size - w.counter
        self.lost.append(lost)
        return lost


class StartBench(Bench):
    """The cost of starting one worker and waiting for it: a thread, a process by each start method, or a task sent
    to a warm process pool (what a pool saves)."""

    def __init__(self, res, strategy):
        self.res = res
        self.strategy = strategy
        self.expected = None
        if strategy == "pool":
            self.pool = process_pool(1, "fork" if "fork" in start_methods() else "spawn")
            self.res.add(lambda: shutdown(self.pool))
            warm(self.pool, 1)
        elif strategy in ("fork", "spawn", "forkserver"):
            self.ctx = context(strategy)
        elif strategy != "thread":
            raise Failure("unknown strategy '%s' for start" % strategy)

    def op(self):
        s = self.strategy
        if s == "thread":
            t = threading.Thread(target=w.noop)
            t.start()
            t.join()
            return 0
        if s == "pool":
            return self.pool.submit(w.noop, 0).result()
        p = self.ctx.Process(target=w.noop)
        p.start()
        p.join()
        if p.exitcode != 0:
            raise RuntimeError("a %s child exited with %s" % (s, p.exitcode))
        return 0


class PickleBench(Bench):
    """A list of `size` ints sent to a worker that answers its length: pickled across a process boundary, handed
    over as a reference to a thread; `pickle` is the pickling alone (dumps and loads)."""

    def __init__(self, res, strategy, size):
        self.res = res
        self.strategy = strategy
        self.payload = list(range(size))
        self.expected = size
        if strategy == "threadpool":
            self.pool = concurrent.futures.ThreadPoolExecutor(1)
        elif strategy == "process-fork":
            self.pool = process_pool(1, "fork")
        elif strategy != "pickle":
            raise Failure("unknown strategy '%s' for pickle" % strategy)
        if strategy != "pickle":
            self.res.add(lambda: shutdown(self.pool))
            warm(self.pool, 1)

    def op(self):
        if self.strategy == "pickle":
            return len(pickle.loads(pickle.dumps(self.payload, pickle.HIGHEST_PROTOCOL)))
        return self.pool.submit(w.payload_length, self.payload).result()


def create(workload, strategy, threads, size, params, url=None):
    """The benchmark, set up; Failure (one sentence) when it cannot be."""
    if workload not in CATALOG:
        raise Failure("unknown workload '%s' (known: %s)" % (workload, ", ".join(CATALOG)))
    if strategy not in CATALOG[workload]:
        raise Failure("unknown strategy '%s' for %s (known: %s)" % (strategy, workload, ", ".join(CATALOG[workload])))
    if threads < 1 or size < 1:
        raise Failure("threads and size must be at least 1 (got threads=%d, size=%d)" % (threads, size))
    merged = dict(PARAMS.get(workload, {}))
    merged.update(params)
    res = Resources()
    try:
        if workload in ("primes", "sumsq"):
            return CpuBench(res, workload, strategy, threads, size)
        if workload == "sleep":
            return SleepBench(res, strategy, threads, size, merged)
        if workload == "http":
            return HttpBench(res, strategy, threads, size, merged, url)
        if workload == "hybrid":
            return HybridBench(res, strategy, threads, size, merged, url)
        if workload == "counter":
            return CounterBench(res, strategy, threads, size)
        if workload == "start":
            return StartBench(res, strategy)
        return PickleBench(res, strategy, size)
    except BaseException:
        res.close()  # a setup cut short (a signal, a start method that fails) leaves no pool behind
        raise


def interpreter():
    """What environment.json records about this interpreter."""
    gil = getattr(sys, "_is_gil_enabled", None)
    import sysconfig
    free_threaded = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    return {
        "executable": sys.executable,
        "version": "%d.%d.%d" % sys.version_info[:3],
        "implementation": sys.implementation.name,
        "build": "free-threaded" if free_threaded else "GIL",
        "gilEnabled": gil() if gil is not None else True,
        "startMethods": start_methods(),
        "defaultStartMethod": multiprocessing.get_start_method(allow_none=False),
        "cpuCount": multiprocessing.cpu_count(),
    }

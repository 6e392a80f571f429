"""The workloads, in plain Python as a course writes them. Every function here is importable by a child process
(spawn and forkserver import this module by name), and every one returns the answer its caller checks."""

import http.client
import threading
import time

MASK64 = (1 << 64) - 1

# primes in [PRIMES_BASE, PRIMES_BASE + size): the JVM suite's range, so both runtimes count the same primes
PRIMES_BASE = 100_000
# the hybrid pipeline's ranges start here (as the JVM's PrimeFeed does)
HYBRID_BASE = 1_000_000


def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


def count_primes(lo, hi):
    """Primes in [lo, hi) by trial division by odd numbers: the dearer the further along the range."""
    count = 0
    for n in range(lo, hi):
        if is_prime(n):
            count += 1
    return count


def count_primes_range(bounds):
    """count_primes over a (lo, hi) pair: one argument, for Pool.map and executors."""
    return count_primes(bounds[0], bounds[1])


def sum_squares(lo, hi):
    """The sum of i*i over [lo, hi), wrapped to 64 bits as the JVM's long arithmetic wraps."""
    total = 0
    for i in range(lo, hi):
        total += i * i
    return total & MASK64


def sum_squares_range(bounds):
    return sum_squares(bounds[0], bounds[1])


def sieve_count(lo, hi):
    """The primes in [lo, hi) by a sieve: the expected answer, computed fast and independently of count_primes."""
    if hi <= 2:
        return 0
    flags = bytearray([1]) * hi
    flags[0:2] = b"\x00\x00"
    i = 2
    while i * i < hi:
        if flags[i]:
            flags[i * i::i] = bytearray(len(range(i * i, hi, i)))
        i += 1
    return sum(flags[max(lo, 0):hi])


def squares_closed_form(n):
    """The sum of i*i over [0, n), wrapped to 64 bits: (n-1) n (2n-1) / 6."""
    if n <= 0:
        return 0
    return ((n - 1) * n * (2 * n - 1) // 6) & MASK64


def chunks(lo, hi, parts):
    """[lo, hi) cut into `parts` contiguous (lo, hi) pairs of near-equal length (none empty unless the range is)."""
    parts = max(1, min(parts, hi - lo)) if hi > lo else 1
    n = hi - lo
    out = []
    start = lo
    for p in range(parts):
        end = lo + (n * (p + 1)) // parts
        out.append((start, end))
        start = end
    return out


def sleep_task(seconds):
    """One I/O-bound task: waiting (the pure cost of waiting, as the JVM's latency workload)."""
    time.sleep(seconds)
    return 1


class HttpClient:
    """One keep-alive HTTP/1.1 connection per thread to the loopback server (as a browser or requests.Session keeps
    one per host); GET returns the body."""

    def __init__(self, host, port):
        self.host = host
        self.port = port
        self.local = threading.local()
        self.lock = threading.Lock()
        self.all = []

    def connection(self):
        c = getattr(self.local, "c", None)
        if c is None:
            c = http.client.HTTPConnection(self.host, self.port, timeout=30)
            self.local.c = c
            with self.lock:
                self.all.append(c)
        return c

    def get(self, path):
        c = self.connection()
        try:
            c.request("GET", path)
            r = c.getresponse()
            body = r.read()
        except (http.client.HTTPException, OSError):
            c.close()  # a connection the server closed: one fresh try
            c.request("GET", path)
            r = c.getresponse()
            body = r.read()
        if r.status != 200:
            raise RuntimeError("GET %s answered %d" % (path, r.status))
        return body

    def release(self):
        """Closes this thread's connection (a thread that ends must not leave its socket open)."""
        c = getattr(self.local, "c", None)
        if c is not None:
            c.close()
            self.local.c = None
            with self.lock:
                self.all.remove(c)

    def close(self):
        with self.lock:
            for c in self.all:
                c.close()
            self.all.clear()


async def async_get(reader, writer, host, path):
    """One GET over an asyncio stream kept alive (HTTP/1.1, Content-Length bodies): the body."""
    writer.write(("GET %s HTTP/1.1\r\nHost: %s\r\n\r\n" % (path, host)).encode("ascii"))
    await writer.drain()
    status = await reader.readline()
    parts = status.split()
    if len(parts) < 2 or parts[1] != b"200":
        raise RuntimeError("GET %s answered %r" % (path, status.strip()))
    length = 0
    chunked = False
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
        elif name.strip().lower() == "transfer-encoding" and "chunked" in value.lower():
            chunked = True
    if not chunked:
        return await reader.readexactly(length)
    body = b""
    while True:
        size = int((await reader.readline()).strip().split(b";")[0], 16)
        if size == 0:
            await reader.readline()
            return body
        body += await reader.readexactly(size)
        await reader.readline()


def parse_range(body):
    """The hybrid server's answer "lo hi" as a (lo, hi) pair."""
    parts = body.decode("ascii").split()
    if len(parts) != 2:
        raise RuntimeError("the server answered %r, not 'lo hi'" % body)
    return int(parts[0]), int(parts[1])


# ---- the counter race ----------------------------------------------------------------------------------------------

counter = 0


def one():
    return 1


def add_unlocked(n):
    """The course's line, as written: `counter += 1` on a global, n times."""
    global counter
    for _ in range(n):
        counter += 1


def add_unlocked_call(n):
    """The same read-modify-write with a call between the read and the write (`counter += one()`): CPython may switch
    threads at a call, so an update can be lost whatever the interpreter version."""
    global counter
    for _ in range(n):
        counter += one()


def add_locked(n, lock):
    """`counter += 1` under a threading.Lock."""
    global counter
    for _ in range(n):
        with lock:
            counter += 1


def noop(x=None):
    return x


def payload_length(payload):
    return len(payload)

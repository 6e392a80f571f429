"""python3 -m parbench_py fork|info|catalog: see harness.py."""

import argparse
import json
import sys

from . import benchmarks, harness


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python3 -m parbench_py",
                                     description="parbench's CPython harness (standard library only).")
    sub = parser.add_subparsers(dest="command")
    fork = sub.add_parser("fork", help="time one benchmark in this process (one fork); print its JMH JSON")
    fork.add_argument("--workload", required=True, choices=sorted(benchmarks.CATALOG))
    fork.add_argument("--strategy", required=True)
    fork.add_argument("--threads", type=int, default=1)
    fork.add_argument("--size", type=int, required=True)
    fork.add_argument("--param", action="append", metavar="NAME=VALUE")
    fork.add_argument("--warmup", type=int, default=1, help="warm-up iterations (default 1)")
    fork.add_argument("--iterations", type=int, default=5, help="measured iterations (default 5)")
    fork.add_argument("--iteration-ms", type=int, default=100,
                      help="an iteration runs operations until this many milliseconds have passed (at least one)")
    fork.add_argument("--url", help="the loopback server (http and hybrid): http://127.0.0.1:PORT/")
    fork.add_argument("--prefix", default="python", help="benchmark name prefix (python, python-ft)")
    fork.add_argument("--out", help="write the JSON here (atomically) instead of stdout")
    sub.add_parser("info", help="this interpreter, as environment.json records it")
    sub.add_parser("catalog", help="the workloads, their strategies and params")
    args = parser.parse_args(argv)
    if args.command == "info":
        print(json.dumps(benchmarks.interpreter()))
        return 0
    if args.command == "catalog":
        print(json.dumps({"strategies": benchmarks.CATALOG, "params": benchmarks.PARAMS}))
        return 0
    if args.command != "fork":
        parser.print_help(sys.stderr)
        return 2
    if args.iterations < 1 or args.warmup < 0 or args.iteration_ms < 0:
        print("parbench_py: --iterations must be at least 1, --warmup and --iteration-ms at least 0", file=sys.stderr)
        return 2
    try:
        return harness.main_fork(args)
    except benchmarks.Failure as e:
        print("parbench_py: %s" % e, file=sys.stderr)
        return 1
    except harness.Interrupted:
        harness.end_group()
        return 143


if __name__ == "__main__":
    sys.exit(main())

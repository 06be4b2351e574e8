"""CPU work (extracting, parsing, cutting search words) spread over worker processes.

Results come back in input order with a bounded number in flight, so memory stays flat however
many files a load has, and the single writer sees the same sequence as a one-process run.
Workers are spawned, not forked: a forked child would inherit the parent's open database
connections and could close them under it.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_workers() -> int:
    """One per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def ordered_map(fn: Callable[[T], R], items: Iterable[T], workers: int,
                in_flight: int = 64, weight: Callable[[T], int] | None = None,
                limit: int = 0) -> Iterator[R]:
    """`map(fn, items)` over `workers` processes (in this one when workers ≤ 1); `items` is
    consumed lazily, at most `in_flight` ahead of what the caller has taken and, with
    `weight`, no more ahead once those items weigh `limit` (large files, one at a time)."""
    if workers <= 1:
        yield from map(fn, items)
        return
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_end_with_parent,
                               initargs=(os.getpid(),))
    try:
        pending: deque[tuple[Future[R], int]] = deque()
        held = 0
        for item in items:
            pending.append((pool.submit(fn, item), weight(item) if weight else 0))
            held += pending[-1][1]
            while len(pending) >= in_flight or (weight and held >= limit and pending):
                future, done = pending.popleft()
                held -= done
                yield future.result()
        while pending:
            yield pending.popleft()[0].result()
    finally:  # left early (Ctrl-C, an error in the caller): what has not started never will
        pool.shutdown(wait=True, cancel_futures=True)


def _end_with_parent(parent: int) -> None:
    """In each worker: Ctrl-C is the parent's to handle (it cancels what is queued and waits
    for the item at hand), and the worker exits once the parent is gone. A parent killed
    outright (SIGKILL, the OOM killer) never shuts its pool down, and its idle workers would
    wait for work forever."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()


def batched(items: Iterable[T], n: int, weight: Callable[[T], int] | None = None,
            limit: int = 0) -> Iterator[list[T]]:
    """Lists of n items (the last may be shorter), like itertools.batched from Python 3.12;
    with `weight`, a list also ends once its items weigh `limit` or more."""
    batch: list[T] = []
    total = 0
    for item in items:
        batch.append(item)
        total += weight(item) if weight else 0
        if len(batch) == n or (weight and total >= limit):
            yield batch
            batch, total = [], 0
    if batch:
        yield batch

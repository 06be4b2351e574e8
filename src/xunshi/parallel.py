"""CPU work (extracting, parsing, cutting search words) spread over worker processes.

Results come back in input order with a bounded number in flight, so memory stays flat however
many files a load has, and the single writer sees the same sequence as a one-process run.
Workers are spawned, not forked: a forked child would inherit the parent's open database
connections and could close them under it.
"""
from __future__ import annotations

import multiprocessing
import os
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
                in_flight: int = 64) -> Iterator[R]:
    """`map(fn, items)` over `workers` processes (in this one when workers ≤ 1); `items` is
    consumed lazily, at most `in_flight` ahead of what the caller has taken."""
    if workers <= 1:
        yield from map(fn, items)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_end_with_parent,
                             initargs=(os.getpid(),)) as pool:
        pending: deque[Future[R]] = deque()
        for item in items:
            pending.append(pool.submit(fn, item))
            if len(pending) >= in_flight:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _end_with_parent(parent: int) -> None:
    """In each worker: exit once the parent is gone. A parent killed outright (SIGKILL, the OOM
    killer) never shuts its pool down, and its idle workers would wait for work forever."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()


def batched(items: Iterable[T], n: int) -> Iterator[list[T]]:
    """Lists of n items (the last may be shorter); itertools.batched from Python 3.12."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == n:
            yield batch
            batch = []
    if batch:
        yield batch

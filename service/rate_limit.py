"""Requests per viewer: a token bucket per person id, in this process (behind a load balancer
each process keeps its own, so the limit a person meets is per process)."""

from __future__ import annotations

import math
import time

MAX_TRACKED = 10_000


class RateLimiter:
    """`per_minute` requests a minute on average per key, up to `burst` at once."""

    def __init__(self, per_minute: int, burst: int) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, when)

    def wait_s(self, key: str) -> int:
        """0 when `key` may go on (and counts the request), else the whole seconds to wait."""
        now = time.monotonic()
        tokens, when = self._buckets.get(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - when) * self.rate)
        if tokens < 1.0:
            self._buckets[key] = (tokens, now)
            return max(1, math.ceil((1.0 - tokens) / self.rate))
        self._buckets[key] = (tokens - 1.0, now)
        if len(self._buckets) > MAX_TRACKED:
            self._forget_full(now)
        return 0

    def _forget_full(self, now: float) -> None:
        """Drops the buckets that have refilled: they hold nothing a fresh one would not."""
        self._buckets = {
            key: (tokens, when)
            for key, (tokens, when) in self._buckets.items()
            if tokens + (now - when) * self.rate < self.burst
        }

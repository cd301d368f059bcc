"""What every benchmark shares: timing and reporting against a baseline of the same run."""

import statistics
import time


def timed(function, repeat: int = 3) -> float:
    """The median of `repeat` runs, in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def report(label: str, measured: float, baseline: float) -> None:
    ratio = measured / baseline
    print(f"{label:<46} {measured * 1000:9.1f} ms   baseline {baseline * 1000:9.1f} ms   ratio {ratio:5.2f}×")

"""Several app workers starting at once on SQLite share one generated secret key: one creates
the file, the others read it (sessions signed by one worker are accepted by every other)."""

from __future__ import annotations

import multiprocessing
import secrets
import threading
import time
from pathlib import Path

import pytest

from app.config import MissingSecretKey, instance_secret

WORKERS = 8


def _start(folder: str, barrier, out: str) -> None:
    barrier.wait()  # every worker asks for the key at the same moment
    try:
        key = instance_secret(folder)
    except Exception as error:  # noqa: BLE001 - reported to the test as the worker's outcome
        key = f"failed: {error!r}"
    with open(out, "w") as fh:
        fh.write(key)


_token_hex = secrets.token_hex


def _slow_token(nbytes: int) -> str:
    time.sleep(0.2)  # a slow writer: the others look while the file is there but empty
    return _token_hex(nbytes)


@pytest.mark.parametrize("round_", range(3))
def test_workers_started_together_all_get_the_same_key(tmp_path, monkeypatch, round_):
    if round_ == 2:
        monkeypatch.setattr("app.config.secrets.token_hex", _slow_token)
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(WORKERS)
    folder = str(tmp_path / "instance")
    outs = [str(tmp_path / f"worker-{n}") for n in range(WORKERS)]
    workers = [context.Process(target=_start, args=(folder, barrier, out)) for out in outs]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=30)
    got = [Path(out).read_text() for out in outs]
    assert len(set(got)) == 1, got
    assert len(got[0]) == 64 and not got[0].startswith("failed")
    assert instance_secret(folder) == got[0]


def test_threads_started_together_all_get_the_same_key(tmp_path):
    barrier, got = threading.Barrier(WORKERS), []

    def start() -> None:
        barrier.wait()
        got.append(instance_secret(str(tmp_path)))

    threads = [threading.Thread(target=start) for _ in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(got) == WORKERS and len(set(got)) == 1 and len(got[0]) == 64


def test_a_key_still_being_written_is_waited_for(tmp_path):
    (tmp_path / "secret_key").write_text("")  # its creator has opened it, not yet written

    def finish_writing() -> None:
        time.sleep(0.1)
        (tmp_path / "secret_key").write_text("k" * 64)

    writer = threading.Thread(target=finish_writing)
    writer.start()
    assert instance_secret(str(tmp_path)) == "k" * 64
    writer.join()


def test_a_key_file_left_empty_is_a_clear_error(tmp_path):
    (tmp_path / "secret_key").write_text("")
    with pytest.raises(MissingSecretKey, match="is empty.*SECRET_KEY"):
        instance_secret(str(tmp_path), wait_seconds=0.05)

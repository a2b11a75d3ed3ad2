"""`khabar process | khabar load` stores what `khabar ingest` does; so do more workers, or Dask."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from reader.cli import main
from reader.ingest.pipeline import ingest_paths
from reader.store.export import iter_export
from reader.store.schema import connect


def export(db: Path) -> list[dict[str, Any]]:
    conn = connect(db, readonly=True)
    try:
        return list(iter_export(conn))
    finally:
        conn.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, seed_paths: list[Path]) -> Path:
    """The seeds, 20 variants of them (paragraphs rotated), a .jsonl and a broken file."""
    folder = tmp_path_factory.mktemp("corpus")
    texts = [p.read_text("utf-8") for p in seed_paths]
    for path, text in zip(seed_paths, texts, strict=True):
        (folder / path.name).write_text(text, "utf-8")
    for i in range(20):
        lines = texts[i % len(texts)].split("\n")
        k = 2 + (i // len(texts)) % (len(lines) - 2)
        rotated = [lines[0], *lines[k:], *lines[1:k]]
        # Each variant's body differs too, or it is a copy that ingest links (#9 item 7).
        longest = max(
            range(len(rotated)), key=lambda n: (rotated[n].endswith("."), len(rotated[n]))
        )
        rotated[longest] += f" وذلك وفق النسخة رقم {i}."
        (folder / f"variant-{i:02d}.txt").write_text("\n".join(rotated), "utf-8")
    records = [{"title": "عنوان", "body": texts[0].split("\n")[4]}, {"body": ""}]
    (folder / "feed.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\nnot json\n", "utf-8"
    )
    (folder / "empty.txt").write_bytes(b"")
    return folder


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> list[dict[str, Any]]:
    db = tmp_path_factory.mktemp("ingest") / "k.db"
    report = ingest_paths(db, [corpus], workers=1)
    assert report.added == 26 and len(report.failed) == 3
    records = export(db)
    assert any(r["entities"] for r in records) and any(r["appended_to"] for r in records)
    return records


def test_process_then_load_stores_what_ingest_stores(
    corpus: Path, ingested: list[dict[str, Any]], tmp_path: Path
) -> None:
    lines = tmp_path / "docs.jsonl"
    assert main(["process", str(corpus), "--jsonl", "--workers", "2", "-o", str(lines)]) == 0
    kinds = [next(iter(json.loads(line))) for line in lines.read_text("utf-8").splitlines()]
    assert kinds.count("document") == 26 and kinds.count("failure") == 3
    db = tmp_path / "k.db"
    assert main(["load", "--db", str(db), str(lines)]) == 0
    assert export(db) == ingested
    # Loading again, or ingesting the same files, adds nothing: the same dedupe.
    assert main(["load", "--db", str(db), str(lines)]) == 0
    report = ingest_paths(db, [corpus], workers=1)
    assert report.added == 0 and report.duplicates == 26
    assert export(db) == ingested


def test_the_shell_pipe_works_as_written(
    corpus: Path, ingested: list[dict[str, Any]], tmp_path: Path
) -> None:
    db = tmp_path / "k.db"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    khabar = [sys.executable, "-m", "reader"]
    process = subprocess.Popen([*khabar, "process", str(corpus)], stdout=subprocess.PIPE, env=env)
    done = subprocess.run(
        [*khabar, "load", "--db", str(db), "-"],
        stdin=process.stdout,
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
    )
    assert process.wait(timeout=240) == 0
    assert done.returncode == 0, done.stderr
    assert "added 26 documents" in done.stderr
    assert export(db) == ingested


def test_one_document_on_standard_input(
    seed_paths: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Stdin:
        buffer = __import__("io").BytesIO(seed_paths[1].read_bytes())

    monkeypatch.setattr(sys, "stdin", Stdin)
    out = tmp_path / "one.jsonl"
    assert main(["process", "-", "-o", str(out)]) == 0
    (line,) = out.read_text("utf-8").splitlines()
    document = json.loads(line)["document"]
    assert document["path"] == "-" and document["article"]["mentions"]


def test_a_bad_line_is_a_failure_and_the_rest_is_stored(tmp_path: Path, corpus: Path) -> None:
    lines = tmp_path / "docs.jsonl"
    assert main(["process", str(corpus / "variant-00.txt"), "-o", str(lines)]) == 0
    lines.write_text(lines.read_text("utf-8") + '{"document": {"path": 1}}\n[]\n', "utf-8")
    db = tmp_path / "k.db"
    assert main(["load", "--db", str(db), str(lines)]) == 0
    assert len(export(db)) == 1


def test_eight_workers_store_what_one_worker_stores(
    corpus: Path, ingested: list[dict[str, Any]], tmp_path: Path
) -> None:
    db = tmp_path / "k.db"
    report = ingest_paths(db, [corpus], workers=8)
    assert report.added == 26
    assert export(db) == ingested


@pytest.mark.dask
def test_a_dask_cluster_stores_what_ingest_stores(
    corpus: Path, ingested: list[dict[str, Any]], tmp_path: Path
) -> None:
    try:
        import distributed
    except ModuleNotFoundError:
        if os.environ.get("CI"):
            pytest.fail("the dask extra is not installed; .ci/run must install it")
        pytest.skip("the dask extra is not installed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        db = tmp_path / "k.db"
        # The README's command, as written: khabar ingest --dask SCHEDULER PATH --db DB
        command = ["ingest", "--dask", cluster.scheduler_address, str(corpus), "--db", str(db)]
        assert main(command) == 0
    assert export(db) == ingested


def test_the_spark_recipe_function_makes_shards_that_load_merges(
    corpus: Path, ingested: list[dict[str, Any]], tmp_path: Path
) -> None:
    from reader.ingest.mapstep import process_lines
    from reader.ingest.templates import site_templates

    files = sorted(str(p) for p in corpus.iterdir())
    templates = site_templates([Path(f) for f in files])  # on the driver, over all files
    partitions = [files[i : i + 7] for i in range(0, len(files), 7)]
    shards = []
    for n, partition in enumerate(partitions):  # what rdd.mapPartitions(process_lines) does
        shard = tmp_path / f"part-{n:05d}"
        lines = process_lines(iter(partition), templates=templates)
        shard.write_text("".join(line + "\n" for line in lines))
        shards.append(str(shard))
    db = tmp_path / "k.db"
    assert main(["load", *shards, "--db", str(db)]) == 0  # the README's form
    assert export(db) == ingested

"""The map step of ingest on a Dask cluster: workers read and process files, this process writes.

`dask.bag` splits the file list into partitions; each worker runs the same pure
per-document function as a local ingest worker (decode, clean, entities) on
the files of a partition, read from where the cluster sees them (a shared or
copied file system, same paths). Partitions come back in input order and go
straight to the single writer, so article ids, deduplication and the export
are those of a plain `khabar ingest`, while later partitions are still being
computed. Needs the `dask` extra: pip install 'khabar[dask]'.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping, Sequence
from functools import partial
from pathlib import Path

from reader.clean.template import SiteTemplate
from reader.errors import KhabarError
from reader.ingest.prepare import Options, prepare_batch
from reader.store.records import Outcome

PARTITION_FILES = 64


def process_partition(
    paths: Sequence[str],
    *,
    entities: bool,
    templates: Mapping[str, SiteTemplate] | None = None,
) -> list[list[Outcome]]:
    """One partition's outcomes, per file, on a Dask worker (model loaded once per worker),
    cleaned with the site templates the client counted over all files."""
    extractor = None
    if entities:
        from reader.nlp.extract import extract_entities

        extractor = extract_entities
    options = Options(db_path=None, extractor=extractor, templates=templates or {})
    return prepare_batch(list(paths), options)


def dask_batches(
    address: str,
    files: Sequence[Path],
    *,
    entities: bool,
    stop: threading.Event,
    partition_files: int = PARTITION_FILES,
    templates: Mapping[str, SiteTemplate] | None = None,
) -> Iterator[list[Outcome]]:
    """Each file's outcomes in input order, computed on the cluster at `address`."""
    try:
        import dask.bag
        from distributed import Client
    except ModuleNotFoundError as exc:
        raise KhabarError(f"--dask needs {exc.name}: pip install 'khabar[dask]'") from None
    if not files:
        return
    with Client(address) as client:  # type: ignore[no-untyped-call]
        names = [str(f) for f in files]
        bag = dask.bag.from_sequence(names, partition_size=partition_files)  # type: ignore[no-untyped-call]
        parts = bag.map_partitions(
            partial(process_partition, entities=entities, templates=templates)
        )
        futures = client.compute(parts.to_delayed())
        try:
            for future in futures:
                if stop.is_set():
                    return
                yield from future.result()
                future.release()
        finally:
            client.cancel(futures)

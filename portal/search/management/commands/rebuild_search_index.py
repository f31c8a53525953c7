"""``manage.py rebuild_search_index``: (re)index every searchable model, with a progress bar.

Wagtail's ``update_index`` does the same work but prints a dot per chunk; this one shows how far
it is (documents done of the total, per second) and indexes in keyset-paginated chunks
(``pk > last``), so a chunk costs the same at the end of 100,000 rows as at the start. The
title norms that rank titles are recomputed once at the end instead of after every chunk.
"""

import io
import time

from django.core.management.base import BaseCommand
from modelsearch.backends import get_search_backend
from modelsearch.conf import get_app_config
from modelsearch.index import get_indexed_models
from modelsearch.management.commands.rebuild_modelsearch_index import group_models_by_index

BAR_WIDTH = 30


class Progress:
    """A one-line progress bar (redrawn in place on a terminal, one line per step otherwise)."""

    def __init__(self, total: int, stream):
        self.total, self.done, self.stream = total, 0, stream
        self.started = time.monotonic()
        self.tty = getattr(stream, "isatty", lambda: False)()

    @property
    def rate(self) -> float:
        return self.done / max(time.monotonic() - self.started, 1e-9)

    def advance(self, count: int) -> None:
        self.done += count
        filled = BAR_WIDTH * self.done // max(self.total, 1)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        percent = 100 * self.done // max(self.total, 1)
        line = f"[{bar}] {percent:3d}% {self.done:,}/{self.total:,} ({self.rate:,.0f}/s)"
        self.stream.write(("\r" + line) if self.tty else line + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.tty:
            self.stream.write("\n")


def keyset_chunks(queryset, size: int):
    """`queryset` in chunks of `size`, by primary key: each chunk is an index seek, not an
    OFFSET that rereads everything before it."""
    last = None
    while True:
        page = queryset.order_by("pk")
        if last is not None:
            page = page.filter(pk__gt=last)
        chunk = list(page[:size])
        if not chunk:
            return
        yield chunk
        last = chunk[-1].pk


class Command(BaseCommand):
    help = "Rebuild the whole search index (every indexed model and page), with a progress bar."

    def add_arguments(self, parser):
        parser.add_argument("--chunk-size", type=int, default=1000)

    def handle(self, *, chunk_size, verbosity, **options):
        stream = self.stdout if verbosity > 0 else io.StringIO()
        for name in get_app_config().get_search_backend_config():
            self._rebuild(get_search_backend(name), chunk_size, stream)

    def _rebuild(self, backend, chunk_size: int, stream) -> None:
        models = get_indexed_models()
        counts = {model: model.get_indexed_objects().count() for model in models}
        progress = Progress(sum(counts.values()), stream)
        for index, index_models in group_models_by_index(backend, models).items():
            rebuilder = backend.rebuilder_class(index)
            index = rebuilder.start()
            index.defer_title_norms = True
            for model in index_models:
                index.add_model(model)
                for chunk in keyset_chunks(model.get_indexed_objects(), chunk_size):
                    index.add_items(model, chunk)
                    progress.advance(len(chunk))
            index.defer_title_norms = False
            rebuilder.finish()
        progress.finish()
        stream.write(
            f"Indexed {progress.done:,} documents in "
            f"{time.monotonic() - progress.started:.1f} s ({progress.rate:,.0f}/s).\n"
        )

"""``manage.py rebuild_search_index`` rebuilds every index from scratch, with a progress bar."""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from wagtail.search.models import IndexEntry

from portal.community.models import SupportRequest
from portal.search import search
from portal.search.management.commands.rebuild_search_index import Progress, keyset_chunks
from tests import factories
from tests.cms import factories as cms
from tests.factories import support_request

pytestmark = pytest.mark.django_db


def test_rebuild_indexes_every_model_and_reports_progress():
    requests = [support_request(title=f"防災アプリ {n}", indexed=False) for n in range(3)]
    startup = factories.StartupFactory(name="株式会社農業テック", indexed=False)
    case = cms.case_study(title="基幹系システム標準化の事例")
    IndexEntry.objects.all().delete()
    assert not search(SupportRequest.objects.all(), "防災").exists()

    out = io.StringIO()
    call_command("rebuild_search_index", "--chunk-size", "2", stdout=out)

    assert set(search(SupportRequest.objects.all(), "防災")) == set(requests)
    assert list(search(type(startup).objects.all(), "農業")) == [startup]
    assert list(search(type(case).objects.all(), "基幹系")) == [case]
    output = out.getvalue()
    assert "100%" in output and "#" * 30 in output
    assert "Indexed" in output and "documents in" in output


def test_rebuild_removes_entries_of_deleted_objects():
    gone = support_request(title="削除された防災依頼")
    SupportRequest.objects.filter(pk=gone.pk).delete()  # a bulk delete sends no signal
    call_command("rebuild_search_index", verbosity=0)
    own_type = ContentType.objects.get_for_model(SupportRequest)
    assert not IndexEntry.objects.filter(content_type=own_type, object_id=str(gone.pk)).exists()


def test_keyset_chunks_cover_every_row_once():
    rows = [support_request(indexed=False) for _ in range(5)]
    chunks = list(keyset_chunks(SupportRequest.objects.all(), 2))
    assert [len(chunk) for chunk in chunks] == [2, 2, 1]
    assert [row.pk for chunk in chunks for row in chunk] == sorted(row.pk for row in rows)


def test_progress_bar_counts_to_the_total():
    out = io.StringIO()
    progress = Progress(4, out)
    progress.advance(1)
    progress.advance(3)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("[" + "#" * 7 + "-" * 23 + "]") and " 25% 1/4 " in lines[0]
    assert " 100% 4/4 " in lines[1]

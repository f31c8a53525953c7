"""The bulk restore of the migrations' data (tests/fast_restore.py) gives back what Django's own
restore would: every serialized row, with its values and many-to-many links."""

import json
from collections import Counter

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection

from portal.community.models import Municipality


def _snapshot():
    """Rows per serialized model, one municipality's values and the moderators' permissions."""
    serialized = json.loads(connection._test_serialized_contents)
    models = {item["model"] for item in serialized}
    counts = {label: apps.get_model(label)._base_manager.count() for label in sorted(models)}
    moderators = Group.objects.get(name="Moderators")
    return (
        counts,
        Municipality.objects.filter(code="102016").values().get(),
        sorted(moderators.permissions.values_list("codename", flat=True)),
    )


@pytest.mark.django_db(transaction=True)
def test_a_flushed_database_gets_back_every_serialized_row():
    serialized = json.loads(connection._test_serialized_contents)
    expected_counts = Counter(item["model"] for item in serialized)
    before = _snapshot()
    assert before[0] == {label: expected_counts[label] for label in before[0]}
    assert before[0]["community.municipality"] > 1700 and before[2]

    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    assert Municipality.objects.count() == 0
    connection.creation.deserialize_db_from_string(connection._test_serialized_contents)

    assert _snapshot() == before

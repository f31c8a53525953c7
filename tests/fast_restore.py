"""A faster restore of the migrations' data after each transactional test.

Transactional tests (WebSocket consumers, live servers) flush the database and, with
`serialized_rollback`, reload what the migrations created: 1,788 municipalities, the
prefectures, Wagtail's root and home page, the Moderators group and its permissions. Django
reloads that by parsing the serialized JSON again and saving the objects one by one, which cost
about 2 s per test on PostgreSQL (of ~150 such tests). This does the same in a few statements:
the JSON is parsed once per database and reused, and each model's rows go in with one INSERT per
batch, as raw rows (the serialized values, `auto_now` fields untouched, no signals), which is what
Django's `save(raw=True)` of a deserialized object writes. Many-to-many data (the group's
permissions) is set afterwards, as Django does. A table that still holds its rows (the test
before was not transactional and rolled back) is left as it is.
"""

from collections import defaultdict

from django.core import serializers
from django.db import connections
from django.db.backends.base.creation import BaseDatabaseCreation
from django.db.transaction import atomic

_parsed: dict[str, tuple[str, list]] = {}


def _objects(alias: str, data: str) -> list:
    cached = _parsed.get(alias)
    if cached is None or cached[0] is not data:
        cached = (data, list(serializers.deserialize("json", data, using=alias)))
        _parsed[alias] = cached
    return cached[1]


def _insert_raw(model, objects, alias: str) -> None:
    fields = model._meta.local_concrete_fields
    connection = connections[alias]
    batch = max(1, connection.ops.bulk_batch_size(fields, objects))
    for start in range(0, len(objects), batch):
        # QuerySet._insert is the statement behind bulk_create; raw=True writes the values as
        # they are, like save_base(raw=True) of a deserialized object.
        model._base_manager.using(alias)._insert(
            objects[start : start + batch], fields=fields, raw=True, using=alias
        )
    for obj in objects:
        obj._state.adding, obj._state.db = False, alias


def deserialize_db_from_string(self, data):
    alias = self.connection.alias
    deserialized = _objects(alias, data)
    by_model = defaultdict(list)
    for item in deserialized:
        by_model[type(item.object)].append(item.object)
    with atomic(using=alias), self.connection.constraint_checks_disabled():
        for model, objects in by_model.items():
            present = model._base_manager.using(alias).count()
            if present == 0:  # flushed by the previous transactional test
                _insert_raw(model, objects, alias)
            elif present != len(objects):  # neither flushed nor as migrated: Django's upsert
                for item in deserialized:
                    if type(item.object) is model:
                        item.save()
            # else: as migrated (the previous test rolled back), nothing to restore
        for item in deserialized:
            for accessor, values in (item.m2m_data or {}).items():
                getattr(item.object, accessor).set(values)
        self.connection.check_constraints(table_names=[m._meta.db_table for m in by_model])


def install() -> None:
    BaseDatabaseCreation.deserialize_db_from_string = deserialize_db_from_string

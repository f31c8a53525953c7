import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"]["database"] is True


@pytest.mark.django_db
def test_healthz_503_when_database_is_down(client, monkeypatch):
    from django.db.backends.base.base import BaseDatabaseWrapper

    def broken(self, *args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["checks"]["database"] is False
    assert "database" in body["reason"]


@pytest.mark.django_db
def test_healthz_503_when_redis_is_down(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": True, "redis": False}


def _run_settings(env_overrides, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_mode_refuses_to_start_without_secret_key():
    result = _run_settings(
        {"DJANGO_DEBUG": "0", "DJANGO_ALLOWED_HOSTS": "portal.example.jp"}, "check"
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_mode_refuses_to_start_without_allowed_hosts():
    result = _run_settings({"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "x" * 60}, "check")
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS must be set" in result.stderr


def test_check_deploy_passes_with_production_variables():
    result = _run_settings(
        {
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "k" * 20 + "Zx9!qR7#mP2@wL5$vN8&tB4^yH6*cJ3(",
            "DJANGO_ALLOWED_HOSTS": "portal.example.jp",
        },
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_database_url_selects_postgresql_with_a_pool_and_no_persistent_connections():
    code = (
        "from django.conf import settings as s; d=s.DATABASES['default'];"
        "print(d['ENGINE'], d['CONN_MAX_AGE'], 'pool' in d.get('OPTIONS', {}), "
        "s.CHANNEL_LAYERS['default']['BACKEND'], s.CACHES['default']['BACKEND'])"
    )
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/x",
        "REDIS_URL": "redis://127.0.0.1:6379/9",
        "DJANGO_SETTINGS_MODULE": "portal.settings",
    }
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "0",
        "True",
        # channels_redis' layer and Django's Redis cache, each made to ride out an outage
        # (portal/core/layers.py, portal/core/cache.py).
        "portal.core.layers.OutageTolerantRedisChannelLayer",
        "portal.core.cache.FailSoftRedisCache",
    ], result.stderr


def test_defaults_are_sqlite_and_in_memory():
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}} | {
        "DJANGO_SETTINGS_MODULE": "portal.settings"
    }
    code = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.CHANNEL_LAYERS['default']['BACKEND'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "channels.layers.InMemoryChannelLayer",
    ], result.stderr


@pytest.mark.django_db
def test_error_pages_are_friendly_and_bilingual(client):
    ja = client.get("/ja/no-such-page/")
    en = client.get("/en/no-such-page/")
    assert ja.status_code == en.status_code == 404
    assert "ページが見つかりません" in ja.content.decode()
    assert "We could not find that page" in en.content.decode()


def test_500_page_renders_without_database(rf):
    from django.utils import translation

    from portal.core.views import server_error

    with translation.override("ja"):
        response = server_error(rf.get("/ja/"))
    assert response.status_code == 500
    assert "申し訳ありません" in response.content.decode()

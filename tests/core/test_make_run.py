"""What `make run` prints, and PORT/HOST honoured in links."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from portal.demo.management.commands.seed_demo import login_box

ROOT = Path(__file__).resolve().parents[2]


def _base_url_with(env: dict) -> str:
    code = "from django.conf import settings; print(settings.PORTAL_BASE_URL)"
    clean = {k: v for k, v in os.environ.items() if k not in {"HOST", "PORT", "PORTAL_BASE_URL"}}
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={**clean, "DJANGO_SETTINGS_MODULE": "portal.settings", **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return result.stdout.strip()


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "http://127.0.0.1:8000"),
        ({"PORT": "8123"}, "http://127.0.0.1:8123"),
        ({"HOST": "0.0.0.0", "PORT": "9000"}, "http://127.0.0.1:9000"),
        ({"HOST": "localhost", "PORT": "8001"}, "http://localhost:8001"),
        ({"PORT": "8123", "PORTAL_BASE_URL": "https://dx.example.jp"}, "https://dx.example.jp"),
    ],
)
def test_links_follow_host_and_port(env, expected):
    assert _base_url_with(env) == expected


def test_the_box_ends_with_the_real_address_and_lists_every_demo_login():
    box = login_box("http://127.0.0.1:8123")
    lines = box.strip().splitlines()
    assert lines[0].startswith("+-") and lines[-1] == lines[0]
    assert "http://127.0.0.1:8123/ja/" in lines[-2]
    assert ":8000" not in box
    for email in ("official1@example.jp", "startup1@example.com", "moderator@example.jp"):
        assert email in box
    widths = {len(line) for line in lines if line.startswith("+")}
    assert len(widths) == 1


@pytest.mark.django_db
def test_seeding_summarises_emails_in_one_line_and_prints_the_box_last(settings, capsys):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    settings.PORTAL_BASE_URL = "http://127.0.0.1:8123"
    out = io.StringIO()
    call_command("seed_demo", "--force", stdout=out)
    text = out.getvalue()
    # The console backend would print every email to the process's stdout.
    assert "Content-Type:" not in capsys.readouterr().out
    assert "Content-Type:" not in text
    assert sum("Demo emails:" in line for line in text.splitlines()) == 1
    assert text.rstrip().splitlines()[-2].startswith("| Open http://127.0.0.1:8123/ja/")

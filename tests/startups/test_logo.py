import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from portal.startups.models import MemberRole, Startup
from tests import factories
from tests.uploads import PDF_BYTES

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def image_bytes(fmt: str, size=(64, 64)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format=fmt)
    return buffer.getvalue()


@pytest.fixture
def startup():
    return factories.StartupFactory(name="株式会社ロゴテスト", slug="logo-test")


@pytest.fixture
def owner(startup):
    return factories.startup_member(startup, MemberRole.OWNER)


def post_logo(client, content: bytes, name: str, **extra):
    data = {"name": "株式会社ロゴテスト", "summary": "入力した概要", **extra}
    data["logo"] = SimpleUploadedFile(name, content, content_type="image/png")
    return client.post(reverse("startups:edit", args=["logo-test"]), data)


@pytest.mark.parametrize(("fmt", "extension"), [("PNG", "png"), ("JPEG", "jpg"), ("WEBP", "webp")])
def test_a_real_image_is_stored_under_a_generated_name_and_shown(
    client, client_for, owner, fmt, extension
):
    response = post_logo(client_for(owner), image_bytes(fmt), "../../evil name.gif")
    assert response.status_code == 302
    startup = Startup.objects.get(slug="logo-test")
    assert startup.logo.name.startswith("logos/") and startup.logo.name.endswith(f".{extension}")
    assert "evil" not in startup.logo.name
    client.logout()
    for url in (startup.get_absolute_url(), reverse("startups:directory")):
        html = client.get(url).content.decode()
        assert startup.logo.url in html
        assert 'alt="株式会社ロゴテストのロゴ"' in html or "株式会社ロゴテスト logo" in html


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (SVG, "logo.svg"),
        (SVG, "logo.png"),
        (PDF_BYTES, "logo.png"),
        (b"\x89PNG\r\n\x1a\n" + b"garbage" * 50, "logo.png"),
        (image_bytes("GIF"), "logo.gif"),
        (b"", "logo.png"),
    ],
    ids=["svg", "svg-renamed", "pdf-renamed", "fake-png", "gif", "empty"],
)
def test_other_content_is_refused_with_a_translated_error_keeping_typed_fields(
    client_for, owner, content, name
):
    response = post_logo(client_for(owner), content, name)
    assert response.status_code == 200
    html = response.content.decode()
    assert "PNG、JPEG、WebP" in html or "SVG" in html or "空" in html
    assert "入力した概要" in html
    assert not Startup.objects.get(slug="logo-test").logo


def test_a_logo_over_2_mb_is_refused(client_for, owner, settings):
    big = image_bytes("PNG") + b"\x00" * (2 * 1024 * 1024)
    response = post_logo(client_for(owner), big, "big.png")
    assert response.status_code == 200
    assert "2 MB" in response.content.decode()
    assert not Startup.objects.get(slug="logo-test").logo


def test_the_logo_can_be_removed_and_others_cannot_change_it(client_for, owner, other_startup_user):
    client = client_for(owner)
    post_logo(client, image_bytes("PNG"), "a.png")
    assert Startup.objects.get(slug="logo-test").logo
    response = client.post(
        reverse("startups:edit", args=["logo-test"]),
        {"name": "株式会社ロゴテスト", "logo-clear": "on"},
    )
    assert response.status_code == 302
    assert not Startup.objects.get(slug="logo-test").logo
    response = post_logo(client_for(other_startup_user), image_bytes("PNG"), "b.png")
    assert response.status_code == 403
    assert not Startup.objects.get(slug="logo-test").logo


def test_without_a_logo_the_initial_is_shown_and_the_verified_badge_everywhere(client, startup):
    pending = factories.StartupFactory(name="未認証株式会社", verification_state="pending")
    html = client.get(reverse("startups:directory")).content.decode()
    assert "startup-logo--placeholder" in html
    assert html.count("badge--verified") == 1  # the verified one only
    assert "認証済み</span>" in html
    assert "未認証株式会社" in html
    assert "認証済み" in client.get(startup.get_absolute_url()).content.decode()
    assert "認証済み" not in client.get(pending.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("name", "initial"),
    [
        ("株式会社防災リンク", "防"),
        ("アグリセンス合同会社", "ア"),
        ("rpa town", "R"),
        ("株式会社", "株"),
    ],
)
def test_placeholder_initial_skips_the_legal_form(name, initial):
    assert Startup(name=name).initial == initial

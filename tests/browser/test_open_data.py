"""The open-data page and the API documentation in a browser: the page passes axe in both
languages; Swagger UI renders every operation from the portal's own static files under the
site's CSP, without a request to another host (officials on LGWAN have no CDN)."""

from urllib.parse import urlparse

import pytest

from tests.browser.conftest import serious_axe_violations
from tests.opendata import world

pytestmark = [pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["ja", "en"])
def test_open_data_page_passes_axe(page, live_server, language):
    world.public_content(1)
    response = page.goto(f"{live_server.url}/{language}/open-data/")
    assert response.status == 200
    assert serious_axe_violations(page) == []


def test_swagger_ui_renders_from_local_files_only(page, live_server):
    hosts, console_errors = set(), []
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    page.on(
        "console", lambda message: message.type == "error" and console_errors.append(message.text)
    )
    page.goto(f"{live_server.url}/api/v1/docs/")
    page.wait_for_selector(".opblock-summary-path", timeout=120_000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/v1/requests/" in [path.strip() for path in paths]
    assert hosts == {urlparse(live_server.url).netloc}
    assert not [error for error in console_errors if "Content Security Policy" in error]

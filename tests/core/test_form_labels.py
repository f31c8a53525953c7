"""Form labels carry no ASCII colon suffix (it reads wrongly after a Japanese label)."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["ja", "en"])
def test_request_form_labels_have_no_colon(client_for, official, language):
    client = client_for(official)
    client.cookies["django_language"] = language
    url = reverse("community:request_create").replace("/ja/", f"/{language}/", 1)
    html = client.get(url).content.decode()
    assert html.count("<label") >= 3
    assert ":</label>" not in html
    label = re.search(r'<label for="id_title">([^<]+)</label>', html)
    assert label and label.group(1).strip() and not label.group(1).endswith((":", "："))


@pytest.mark.parametrize("language", ["ja", "en"])
def test_allauth_form_labels_have_no_colon(client, language):
    html = client.get(f"/{language}/accounts/login/").content.decode()
    label = re.search(r'<label for="id_login">([^<]+)</label>', html)
    assert label and label.group(1).strip() and not label.group(1).endswith(":")

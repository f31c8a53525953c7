"""Terms, privacy policy, contact and operator pages: CMS page types linked from every footer."""

import pytest
from wagtail.test.utils import WagtailPageTestCase

from portal.cms.models import ContactPage, HomePage, OperatorPage, PrivacyPolicyPage, TermsPage
from tests.cms.factories import publish

FOOTER_LINKS = ["/ja/terms/", "/ja/privacy/", "/ja/contact/", "/ja/operator/"]


class TrustPageTypesTests(WagtailPageTestCase):
    def test_each_lives_under_the_home_page_only(self):
        for model in (TermsPage, PrivacyPolicyPage, ContactPage, OperatorPage):
            self.assertAllowedParentPageTypes(model, {HomePage})
            self.assertAllowedSubpageTypes(model, {})


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/ja/", "/ja/requests/", "/ja/accounts/login/", "/en/startups/"])
def test_every_footer_links_the_trust_pages(client, path):
    html = client.get(path).content.decode()
    footer = html[html.index('<footer class="site-footer"') :]
    language = path.split("/")[1]
    for link in FOOTER_LINKS:
        assert f'href="{link.replace("/ja/", f"/{language}/")}"' in footer


@pytest.mark.django_db
def test_a_trust_page_keeps_its_fixed_address():
    page = ContactPage(title="お問い合わせ", slug="toiawase")
    with pytest.raises(Exception, match="contact"):
        publish(HomePage.objects.get(), page)

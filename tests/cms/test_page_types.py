"""Every page type: where it may live, and that an editor can create it through the admin."""

import datetime

from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from portal.cms.locales import originals
from portal.cms.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    CommunityGroupPage,
    CommunityPage,
    ContactPage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    OperatorPage,
    PatternIndexPage,
    PrivacyPolicyPage,
    ReportIndexPage,
    ReportPage,
    StandardPage,
    SubsidyProgrammeIndexPage,
    SubsidyProgrammePage,
    TermsPage,
)
from tests import factories as base_factories
from tests.cms import factories

BODY = streamfield(
    [
        ("heading_block", {"heading_text": "取組の背景", "size": "h2"}),
        ("paragraph_block", rich_text("<p>窓口の混雑を解消するために導入しました。</p>")),
        ("quote_block", {"text": "便利になりました。", "attribution": "市民"}),
        ("callout_block", {"kind": "info", "text": "数値は概算です。"}),
    ]
)


def _empty_formset():
    return inline_formset([])


class PageTypeTests(WagtailPageTestCase):
    def setUp(self):
        self.user = base_factories.UserFactory(is_superuser=True, is_staff=True)
        factories.with_totp(self.user)
        self.client.force_login(self.user, backend="django.contrib.auth.backends.ModelBackend")
        self.home = HomePage.objects.get()

    # --- parent / child rules ----------------------------------------------------------------

    def test_home_page_is_the_root_and_allows_the_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                CommunityPage,
                CaseStudyIndexPage,
                EventIndexPage,
                NewsIndexPage,
                SubsidyProgrammeIndexPage,
                ReportIndexPage,
                PatternIndexPage,
                StandardPage,
                TermsPage,
                PrivacyPolicyPage,
                ContactPage,
                OperatorPage,
            },
        )

    def test_community_pages_hold_working_groups_and_task_forces(self):
        self.assertAllowedParentPageTypes(CommunityPage, {HomePage})
        self.assertAllowedSubpageTypes(CommunityPage, {CommunityGroupPage, StandardPage})
        self.assertAllowedParentPageTypes(CommunityGroupPage, {CommunityPage, CommunityGroupPage})
        self.assertAllowedSubpageTypes(CommunityGroupPage, {CommunityGroupPage, StandardPage})

    def test_each_index_holds_only_its_own_items(self):
        for index, item in [
            (CaseStudyIndexPage, CaseStudyPage),
            (EventIndexPage, EventPage),
            (NewsIndexPage, NewsPage),
            (SubsidyProgrammeIndexPage, SubsidyProgrammePage),
            (ReportIndexPage, ReportPage),
        ]:
            self.assertAllowedParentPageTypes(index, {HomePage})
            self.assertAllowedSubpageTypes(index, {item})
            self.assertAllowedParentPageTypes(item, {index})
            self.assertAllowedSubpageTypes(item, set())

    def test_standard_pages_nest_under_home_community_and_groups(self):
        self.assertAllowedParentPageTypes(
            StandardPage, {HomePage, CommunityPage, CommunityGroupPage, StandardPage}
        )
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_case_study_cannot_be_created_under_the_home_page(self):
        self.assertCanNotCreateAt(HomePage, CaseStudyPage)
        self.assertCanNotCreateAt(EventIndexPage, CaseStudyPage)

    # --- creation through the admin ----------------------------------------------------------

    def test_create_standard_page(self):
        data = nested_form_data(
            {"title": "このポータルについて", "slug": "about", "intro": "目的", "body": BODY}
        )
        self.assertCanCreate(self.home, StandardPage, data)

    def test_create_community_page_and_group(self):
        data = nested_form_data(
            {
                "title": "コミュニティ",
                "slug": "community",
                "intro": "Japan CDO Community（JCC）の紹介",
                "website_url": "https://jcc.example.jp/",
                "channel_id": "12",
                "body": BODY,
            }
        )
        self.assertCanCreate(self.home, CommunityPage, data)
        community = originals(CommunityPage.objects).get()
        self.assertEqual(community.channel_url, "/ja/channels/12/")  # cocreation:channel_detail
        group = nested_form_data(
            {
                "title": "ICT利活用ワーキンググループ",
                "slug": "ict-wg",
                "kind": "working_group",
                "short_name": "ICT利活用WG",
                "intro": "優良事例の収集と横展開",
                "channel_id": "",
                "activities": inline_formset(
                    [{"title": "優良事例の収集", "description": "全国から"}]
                ),
                "members": inline_formset(
                    [{"name": "加藤 修", "affiliation": "関東情報大学", "role": "chair"}]
                ),
                "body": BODY,
            }
        )
        self.assertCanCreate(community, CommunityGroupPage, group)
        created = originals(CommunityGroupPage.objects).get()
        self.assertEqual(created.members.get().name, "加藤 修")
        self.assertEqual(created.activities.get().title, "優良事例の収集")

    def test_index_pages_keep_their_fixed_address(self):
        data = nested_form_data({"title": "事例", "slug": "jirei", "intro": ""})
        response = self.client.post(
            f"/admin/pages/add/cms/casestudyindexpage/{self.home.pk}/",
            {**data, "action-publish": "action-publish"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(CaseStudyIndexPage.objects.exists())
        for model, slug in [
            (CaseStudyIndexPage, "cases"),
            (EventIndexPage, "events"),
            (NewsIndexPage, "news"),
            (SubsidyProgrammeIndexPage, "subsidies"),
            (ReportIndexPage, "reports"),
        ]:
            self.assertCanCreate(
                self.home, model, nested_form_data({"title": slug, "slug": slug, "intro": "一覧"})
            )

    def test_create_case_study(self):
        index = factories.case_index()
        subsidy = factories.subsidy()
        startup = base_factories.StartupFactory()
        data = nested_form_data(
            {
                "title": "「書かない窓口」と電子申請の一体導入",
                "slug": "kakanai-madoguchi",
                "intro": "窓口で申請書を書かずに済む仕組み",
                "category": "online_procedures",
                "tags": "電子申請, ノーコード",
                "crop_or_industry": "",
                "municipality_kind": "city",
                "size_band": "300k_plus",
                "case_municipalities": inline_formset([{"municipality": "102016"}], min=1),
                "challenge": "窓口が混雑していた",
                "solution": "窓口支援システムを導入した",
                "results": "待ち時間が短くなった",
                "kpis": inline_formset([{"label": "待ち時間", "value": "4割減", "note": ""}]),
                "cost": "初期費用 約300万円",
                "cost_band": "1m_5m",
                "subsidy_used": str(subsidy.pk),
                "contract_route": "proposal",
                "partner_links": inline_formset([{"startup": str(startup.pk), "role": "開発"}]),
                "lessons": "件数の多い手続から始める",
                "image": "",
                "body": BODY,
                "featured": "on",
            }
        )
        self.assertCanCreate(index, CaseStudyPage, data)
        case = originals(CaseStudyPage.objects).get(slug="kakanai-madoguchi")
        self.assertEqual([m.code for m in case.municipalities], ["102016"])
        self.assertEqual(case.partners, [startup])
        self.assertEqual(sorted(tag.name for tag in case.tags.all()), ["ノーコード", "電子申請"])
        self.assertEqual(case.subsidy_used, subsidy)

    def test_create_event(self):
        index = factories.event_index()
        start = timezone.localtime() + datetime.timedelta(days=20)
        data = nested_form_data(
            {
                "title": "ICT利活用サミット2026",
                "slug": "summit",
                "kind": "summit",
                "intro": "先進事例の発表",
                "start_at": start.strftime("%Y-%m-%d %H:%M"),
                "end_at": (start + datetime.timedelta(hours=4)).strftime("%Y-%m-%d %H:%M"),
                "format": "hybrid",
                "venue_name": "都内会議場",
                "venue_address": "東京都千代田区",
                "online_url": "https://meet.example.jp/summit",
                "capacity": "100",
                "registration_open": "on",
                "registration_closes_at": "",
                "organiser": "",
                "body": BODY,
                "report_document": "",
            }
        )
        self.assertCanCreate(index, EventPage, data)
        self.assertEqual(originals(EventPage.objects).get().capacity, 100)

    def test_event_rejects_a_report_before_it_has_happened(self):
        index = factories.event_index()
        start = timezone.localtime() + datetime.timedelta(days=20)
        data = nested_form_data(
            {
                "title": "セミナー",
                "slug": "seminar",
                "kind": "seminar",
                "intro": "共創の進め方",
                "start_at": start.strftime("%Y-%m-%d %H:%M"),
                "end_at": (start + datetime.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
                "format": "online",
                "online_url": "https://meet.example.jp/seminar",
                "capacity": "",
                "registration_open": "on",
                "body": BODY,
                "report_document": str(factories.document().pk),
            }
        )
        response = self.client.post(
            f"/admin/pages/add/cms/eventpage/{index.pk}/", {**data, "action-publish": "1"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("report_document", response.context["form"].errors)
        self.assertFalse(EventPage.objects.exists())

    def test_create_subsidy_programme(self):
        index = factories.subsidy_index()
        data = nested_form_data(
            {
                "title": "デジタル田園都市国家構想交付金",
                "slug": "denen",
                "intro": "デジタル実装を支援",
                "ministry": "cabinet_office",
                "window": "内閣府",
                "official_url": "https://example.jp/denen",
                "max_amount_yen": "",
                "subsidy_rate": "1/2",
                "amount_note": "",
                "eligibility_note": "",
                "opens_on": "",
                "closes_on": "2030-03-31",
                "body": BODY,
            }
        )
        # Checkbox lists are repeated keys, which nested_form_data would flatten.
        data["eligible_bodies"] = ["municipality", "prefecture"]
        data["target_areas"] = ["online_procedures", "smart_agriculture"]
        self.assertCanCreate(index, SubsidyProgrammePage, data)
        page = originals(SubsidyProgrammePage.objects).get()
        self.assertEqual(page.eligible_bodies, ["municipality", "prefecture"])
        self.assertEqual(page.target_areas, ["online_procedures", "smart_agriculture"])

    def test_create_news(self):
        index = factories.news_index()
        data = nested_form_data(
            {
                "title": "ポータルを公開しました",
                "slug": "launch",
                "date": "2026-04-01",
                "intro": "公開",
                "image": "",
                "body": BODY,
            }
        )
        self.assertCanCreate(index, NewsPage, data)

    def test_create_report_requires_its_document(self):
        index = factories.report_index()
        base = {
            "title": "活動報告書",
            "slug": "report",
            "date": "2026-03-31",
            "intro": "年次報告",
            "group": "",
            "body": BODY,
        }
        response = self.client.post(
            f"/admin/pages/add/cms/reportpage/{index.pk}/",
            {**nested_form_data({**base, "document": ""}), "action-publish": "1"},
        )
        self.assertIn("document", response.context["form"].errors)
        data = nested_form_data({**base, "document": str(factories.document().pk)})
        self.assertCanCreate(index, ReportPage, data)

    def test_every_page_type_renders(self):
        pages = [
            self.home,
            factories.community(),
            factories.group(),
            factories.case_study(),
            factories.case_index(),
            factories.event(),
            factories.event_index(),
            factories.news(),
            factories.news_index(),
            factories.subsidy(),
            factories.subsidy_index(),
            factories.report(),
            factories.report_index(),
            factories.standard_page(body=[{"type": "paragraph_block", "value": "<p>本文</p>"}]),
        ]
        for page in pages:
            self.assertPageIsRenderable(page)
            self.assertEqual(page.make_preview_request().status_code, 200, page)

    def test_admin_preview_of_a_draft(self):
        data = nested_form_data(
            {"title": "下書きのページ", "slug": "draft", "intro": "プレビュー", "body": BODY}
        )
        page = factories.standard_page()
        self.assertPageIsPreviewable(page, post_data=data, user=self.user)
